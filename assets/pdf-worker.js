// The PDF reader's thread (web/src/pdf/worker.rs says what crosses). The page posts the URL
// of the site's wasm glue, its compiled module, the PDF's bytes and name; the wasm's `main`
// finds no window here and reads the PDF this request names.
self.onmessage = async ({ data }) => {
  self.onmessage = null;
  self.pdfRequest = data;
  // The read runs in the wasm's own tasks: what it throws (a trap) is uncaught there.
  self.onerror = (message) => {
    self.postMessage({ error: String(message) });
    return true;
  };
  try {
    const site = await import(data.glue);
    await site.default({ module_or_path: data.module });
  } catch (e) {
    self.postMessage({ unavailable: String(e?.message ?? e) });
  }
};

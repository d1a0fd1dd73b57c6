//! Reading a PDF in a Web Worker, so the page answers while a long book is read.
//!
//! The worker is `assets/pdf-worker.js`. The page posts it the URL of wasm-bindgen's glue, the
//! site's compiled wasm module (nothing is downloaded or compiled twice), the PDF's bytes and
//! its name. The worker keeps that request as `self.pdfRequest` and starts the wasm; `main`
//! finds no window there and calls [`serve`] through the PDF chunk, which reads and posts
//! `{page, pages}` after each page, then the read as JSON (a string). It posts `null` when
//! the chunk did not download, `{unavailable}` when the wasm would not start, `{error}` when
//! the read threw. The two threads share no memory, so the read crosses as text: 內政部's
//! 392-page book is a few MB of JSON, turned back into values in tens of milliseconds.
//!
//! The worker is driven through untyped property calls (`call`, `set`), not web-sys's
//! `Worker`: each browser function the wasm imports is a line of the glue every page loads
//! first, and these need none the site did not import already.

use futures::StreamExt;
use plan_core::pdf::Progress;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Why the worker gave no read.
pub enum Failed {
    /// It could not start (no module workers, its script did not load): read in the page.
    Unavailable,
    /// The PDF chunk did not download.
    Missing,
    /// It started reading and then threw.
    Stopped(String),
}

#[wasm_bindgen]
extern "C" {
    /// The URL of wasm-bindgen's glue module: the worker imports it to start the wasm, and
    /// the worker's script sits beside it (both at the site's root, under any base path).
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static GLUE: String;
}

fn get(target: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(target, &key.into()).unwrap_or_default()
}

fn set(target: &JsValue, key: &str, value: &JsValue) -> Result<bool, JsValue> {
    js_sys::Reflect::set(target, &key.into(), value)
}

/// Calls `target[method](argument)`.
fn call(target: &JsValue, method: &str, argument: &JsValue) -> Result<JsValue, JsValue> {
    get(target, method).dyn_into::<js_sys::Function>()?.call1(target, argument)
}

/// What the worker posts.
enum Message {
    Progress(Progress),
    Read(String),
    Missing,
    Unavailable,
    Error(String),
}

impl Message {
    fn of(data: JsValue) -> Message {
        if let Some(json) = data.as_string() {
            return Message::Read(json);
        }
        if data.is_null() {
            return Message::Missing;
        }
        if get(&data, "unavailable").is_truthy() {
            return Message::Unavailable;
        }
        match (get(&data, "page").as_f64(), get(&data, "pages").as_f64()) {
            (Some(page), Some(pages)) => Message::Progress(Progress { page: page as usize, pages: pages as usize }),
            _ => Message::Error(get(&data, "error").as_string().unwrap_or_else(|| "an unexpected message".into())),
        }
    }
}

/// Ends the worker however the read ends (its memory is the whole book's).
struct Running {
    worker: JsValue,
    _on_message: Closure<dyn FnMut(JsValue)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = call(&self.worker, "terminate", &JsValue::UNDEFINED);
    }
}

/// Reads the PDF in a worker; the read as JSON.
pub async fn read(bytes: &[u8], file_name: &str, progress: &dyn Fn(Progress)) -> Result<String, Failed> {
    let (tx, mut messages) = futures::channel::mpsc::unbounded::<Message>();
    let running = start(bytes, file_name, tx).map_err(|_| Failed::Unavailable)?;
    let outcome = loop {
        match messages.next().await {
            Some(Message::Progress(p)) => progress(p),
            Some(Message::Read(json)) => break Ok(json),
            Some(Message::Missing) => break Err(Failed::Missing),
            Some(Message::Unavailable) | None => break Err(Failed::Unavailable),
            Some(Message::Error(why)) => break Err(Failed::Stopped(why)),
        }
    };
    drop(running);
    outcome
}

fn start(bytes: &[u8], file_name: &str, tx: futures::channel::mpsc::UnboundedSender<Message>) -> Result<Running, JsValue> {
    let glue = GLUE.with(String::clone);
    let script = format!("{}/pdf-worker.js", glue.rsplit_once('/').map_or("", |(folder, _)| folder));
    let options = js_sys::Object::new();
    set(&options, "type", &"module".into())?;
    // `new Worker(script, {type: "module"})`; a browser without workers throws here.
    let class = get(&js_sys::global(), "Worker").dyn_into::<js_sys::Function>()?;
    let worker = js_sys::Reflect::construct(&class, &js_sys::Array::of2(&script.into(), &options))?;
    let on_message = Closure::<dyn FnMut(JsValue)>::new({
        let tx = tx.clone();
        move |event: JsValue| {
            let _ = tx.unbounded_send(Message::of(get(&event, "data")));
        }
    });
    // A script that cannot load (or a browser without module workers) is an `error` event.
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        let _ = tx.unbounded_send(Message::Unavailable);
    });
    set(&worker, "onmessage", on_message.as_ref())?;
    set(&worker, "onerror", on_error.as_ref())?;
    let request = js_sys::Object::new();
    for (key, value) in [
        ("glue", JsValue::from_str(&glue)),
        ("module", wasm_bindgen::module()),
        ("bytes", js_sys::Uint8Array::from(bytes).into()),
        ("name", JsValue::from_str(file_name)),
    ] {
        set(&request, key, &value)?;
    }
    let running = Running { worker, _on_message: on_message, _on_error: on_error };
    call(&running.worker, "postMessage", &request)?;
    Ok(running)
}

/// Posts a message to the page (in the worker).
pub(super) fn post(message: &JsValue) {
    let _ = call(&js_sys::global(), "postMessage", message);
}

/// In the worker, inside the chunk: reads the PDF in `self.pdfRequest`, posting as the
/// module's comment says.
pub(super) fn serve() {
    let request = get(&js_sys::global(), "pdfRequest");
    let bytes = js_sys::Uint8Array::new(&get(&request, "bytes")).to_vec();
    let file_name = get(&request, "name").as_string().unwrap_or_default();
    let read = plan_core::pdf::read_pdf_with(&bytes, &file_name, &plan_core::pdf::Limits::default(), &mut |p| {
        let told = js_sys::Object::new();
        for (key, n) in [("page", p.page), ("pages", p.pages)] {
            let _ = set(&told, key, &(n as u32).into());
        }
        post(&told);
    });
    post(&JsValue::from_str(&read.to_json()));
}

//! Files the user takes away: text files (CSV, JSON, link files, bundles) and charts as
//! SVG or PNG. Everything is made in the page from a Blob; nothing is fetched.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `text` as a file called `name`.
pub fn text_file(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        blob_file(name, &blob);
    }
}

fn blob_file(name: &str, blob: &web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else { return };
    let document = leptos::prelude::document();
    if let Ok(a) = document.create_element("a").map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // Revoking at once can cancel the download in some browsers; a second later is safe.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(1),
    );
}

/// Presentation properties copied from the page's stylesheet into an exported SVG, so the
/// file looks the same on its own.
const STYLE_PROPS: &[&str] = &[
    "display",
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "opacity",
    "font-size",
    "font-family",
    "font-weight",
    "text-anchor",
    "dominant-baseline",
];

/// The first `<svg>` matching `selector`, as a standalone SVG document.
pub fn chart_svg(selector: &str) -> Option<String> {
    let document = leptos::prelude::document();
    let original = document.query_selector(selector).ok()??;
    let copy = original.clone_node_with_deep(true).ok()?.unchecked_into::<web_sys::Element>();
    let window = leptos::prelude::window();
    let sources = original.query_selector_all("*").ok()?;
    let targets = copy.query_selector_all("*").ok()?;
    for i in 0..sources.length().min(targets.length()) {
        let (Some(src), Some(dst)) = (sources.item(i), targets.item(i)) else { continue };
        let (Ok(src), Ok(dst)) = (src.dyn_into::<web_sys::Element>(), dst.dyn_into::<web_sys::Element>()) else { continue };
        if let Ok(Some(style)) = window.get_computed_style(&src) {
            let inline: String =
                STYLE_PROPS.iter().filter_map(|p| style.get_property_value(p).ok().filter(|v| !v.is_empty()).map(|v| format!("{p}:{v};"))).collect();
            let _ = dst.set_attribute("style", &inline);
        }
        // Focus, links and the page's own bookkeeping mean nothing in a file.
        for attribute in ["tabindex", "data-item", "data-opens"] {
            let _ = dst.remove_attribute(attribute);
        }
    }
    let rect = original.get_bounding_client_rect();
    let _ = copy.set_attribute("xmlns", "http://www.w3.org/2000/svg");
    // Whole pixels, as integers: formatting an f64 would bring 12 KB of float formatting.
    let _ = copy.set_attribute("width", &((rect.width().round() as i64).to_string()));
    let _ = copy.set_attribute("height", &((rect.height().round() as i64).to_string()));
    web_sys::XmlSerializer::new().ok()?.serialize_to_string(&copy).ok()
}

pub fn chart_svg_file(selector: &str, name: &str) {
    if let Some(svg) = chart_svg(selector) {
        text_file(&format!("{name}.svg"), "image/svg+xml", &svg);
    }
}

/// Draws the chart's SVG on a canvas at twice its size and offers it as a PNG.
pub fn chart_png_file(selector: &str, name: &str) {
    let Some(svg) = chart_svg(selector) else { return };
    let document = leptos::prelude::document();
    let Ok(img) = web_sys::HtmlImageElement::new() else { return };
    let name = format!("{name}.png");
    let img2 = img.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let (w, h) = (img2.natural_width().max(1) * 2, img2.natural_height().max(1) * 2);
        let Ok(canvas) = document.create_element("canvas").map(|c| c.unchecked_into::<web_sys::HtmlCanvasElement>()) else { return };
        canvas.set_width(w);
        canvas.set_height(h);
        let Ok(Some(ctx)) = canvas.get_context("2d") else { return };
        let ctx = ctx.unchecked_into::<web_sys::CanvasRenderingContext2d>();
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, w as f64, h as f64);
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, w as f64, h as f64);
        let done = wasm_bindgen::closure::Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                blob_file(&name, &blob);
            }
        });
        let _ = canvas.to_blob(done.unchecked_ref());
    });
    img.set_onload(Some(onload.unchecked_ref()));
    // A data: URL, which the page's policy allows for images (blob: is not needed).
    let encoded = js_sys::encode_uri_component(&svg);
    img.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}

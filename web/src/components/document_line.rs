//! Which document a plan page shows, named on every one of its pages: the bundled plan's
//! source, or an imported document's own title, file, kind, sheet or pages, and fingerprint
//! (the first 12 hex digits of its SHA-256), so a figure quoted from the page can be traced
//! to the file it came from.

use crate::i18n::Lang;
use crate::state::{use_ui, Data};
use crate::store::library::BUNDLED;
use leptos::prelude::*;
use plan_core::DocumentKind;

#[component]
pub fn DocumentLine(data: Data) -> impl IntoView {
    let ui = use_ui();
    move || {
        let lang = ui.lang.get();
        view! { <p class="document-line" data-testid="document-line">{describe(lang, &data)}</p> }
    }
}

pub fn describe(lang: Lang, data: &Data) -> String {
    if &*data.id == BUNDLED {
        return lang
            .pick(
                "資料來源：桃園市政府勞動局施政計畫（PDF 轉文字，隨本站附上）。",
                "Source: the Taoyuan City Labor Bureau's published plan (text extracted from the PDF, shipped with this site).",
            )
            .to_string();
    }
    let plan = &data.plan;
    let kind = match (lang, plan.kind) {
        (Lang::Zh, DocumentKind::Plan) => "施政計畫",
        (Lang::Zh, DocumentKind::Spending) => "預算書（歲出）",
        (Lang::Zh, DocumentKind::Revenue) => "預算書（歲入）",
        (Lang::En, DocumentKind::Plan) => "an annual plan",
        (Lang::En, DocumentKind::Spending) => "a budget book (spending)",
        (Lang::En, DocumentKind::Revenue) => "a budget book (revenue)",
    };
    let title = if plan.title.is_empty() { data.name.to_string() } else { plan.title.clone() };
    let file = plan.source.as_ref().map(|f| {
        let name = if f.file_name.is_empty() { lang.pick("貼上的文字", "pasted text").to_string() } else { f.file_name.clone() };
        let mut parts = vec![name, f.format.to_ascii_uppercase()];
        if let Some(sheet) = &f.sheet {
            parts.push(match lang {
                Lang::Zh => format!("工作表「{sheet}」"),
                Lang::En => format!("sheet “{sheet}”"),
            });
        }
        if f.pages > 0 {
            parts.push(match lang {
                Lang::Zh => format!("{} 頁", f.pages),
                Lang::En => format!("{} pages", f.pages),
            });
        }
        if let Some(hash) = f.sha256.get(..12) {
            parts.push(format!("SHA-256 {hash}…"));
        }
        parts.join(lang.pick("，", ", "))
    });
    match (lang, file) {
        (Lang::Zh, Some(file)) => format!("資料來源：你匯入的{kind}「{title}」（{file}）。"),
        (Lang::En, Some(file)) => format!("Source: {kind} you imported, “{title}” ({file})."),
        (Lang::Zh, None) => format!("資料來源：你匯入的{kind}「{title}」。"),
        (Lang::En, None) => format!("Source: {kind} you imported, “{title}”."),
    }
}

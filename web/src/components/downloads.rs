//! Download buttons: the plan in view as CSV, canonical JSON, Fiscal Data Package, or a
//! bundle with the user's notes and link corrections; and a chart as SVG or PNG.
//!
//! The plan files' writers (csv, serde_json, the data package) weigh as much as the overview
//! page itself, and most readers never download, so they live in the codec chunk
//! ([`crate::codec`]), fetched when the reader points at or focuses the buttons, or at the
//! latest on the click.

use crate::codec::files::{bundle, fdp_files, PlanFile};
use crate::download::{chart_png_file, chart_svg_file, text_file};
use crate::i18n::Lang;
use crate::state::Data;
use crate::store::use_store;
use leptos::prelude::*;
use plan_core::annotations::Bundle;
use plan_core::export::slug;

/// The file name stem for a plan's downloads, e.g. `勞動局-111`.
pub fn stem(data: &Data) -> String {
    slug(&data.plan)
}

/// Everything a user can take away about one plan.
pub fn bundle_of(data: &Data) -> Bundle {
    bundle(data, use_store().user_data(&data.id).unwrap_or_default())
}

#[component]
pub fn PlanDownloads(data: Data, lang: Lang) -> impl IntoView {
    let stem = stem(&data);
    let (book, fdp) = (!data.plan.kind.is_plan(), fdp_files(&data.plan));
    let store = use_store();
    let failed = RwSignal::new(false);
    let download = move |file: PlanFile| {
        let (data, stem) = (data.clone(), stem.clone());
        // Read now, in the page's scope: the backup carries what is stored at the click.
        let user = store.user_data(&data.id).unwrap_or_default();
        leptos::task::spawn_local(async move {
            match crate::codec::load().await.map(|c| (c.plan_file)(file, &data, user)) {
                Some(contents) => {
                    text_file(&file.name(&stem), file.mime(), &contents);
                    failed.set(false);
                }
                None => failed.set(true),
            }
        });
    };
    let button = move |file: PlanFile, label: String| {
        let download = download.clone();
        view! { <button type="button" on:click=move |_| download(file)>{label}</button> }
    };
    view! {
        <div class="downloads" role="group" aria-label=lang.pick("下載這份計畫", "Download this plan") on:pointerover=|_| crate::codec::warm() on:focusin=|_| crate::codec::warm()>
            <span>{lang.pick("下載：", "Download: ")}</span>
            // A plan's programmes and funding; a budget book's tree with every series (its
            // lines name no funding sources).
            {book.then(|| button(PlanFile::LinesCsv, lang.pick("科目 CSV（含上年度、決算、說明）", "Budget lines CSV (with last year, actuals, explanations)").into()))}
            {(!book).then(|| button(PlanFile::ProgrammesCsv, lang.pick("計畫 CSV", "Programmes CSV").into()))}
            {(!book).then(|| button(PlanFile::FundingLinesCsv, lang.pick("經費來源 CSV", "Funding lines CSV").into()))}
            {button(PlanFile::Json, "JSON".into())}
            // One button per file: browsers hold back several downloads from one click.
            {fdp.into_iter().map(|name| button(PlanFile::DataPackage(name), format!("{} {name}", lang.pick("財政資料包", "Fiscal Data Package")))).collect_view()}
            {button(PlanFile::Backup, lang.pick("含筆記的備份", "Backup with my notes").into())}
            <span role="status">{move || failed.get().then(|| view! { <span class="diag error">{lang.pick(
                "寫出檔案的程式沒有下載成功（可能是離線），請連上網路後再試一次。",
                "The code that writes the file did not download (offline?); try again once you are online.",
            )}</span> })}</span>
        </div>
    }
}

/// SVG and PNG buttons for the chart `selector` finds (e.g. `svg.treemap`).
#[component]
pub fn ChartDownloads(#[prop(into)] selector: String, #[prop(into)] name: String, lang: Lang) -> impl IntoView {
    let (png_name, png_selector) = (name.clone(), selector.clone());
    view! {
        <div class="downloads chart-downloads" role="group" aria-label=lang.pick("下載圖表", "Download the chart")>
            <span>{lang.pick("下載圖表：", "Download chart: ")}</span>
            <button type="button" on:click=move |_| chart_svg_file(&selector, &name)>"SVG"</button>
            <button type="button" on:click=move |_| chart_png_file(&png_selector, &png_name)>"PNG"</button>
        </div>
    }
}

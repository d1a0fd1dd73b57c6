//! Download buttons: the plan in view as CSV, canonical JSON, Fiscal Data Package, or a
//! bundle with the user's notes and link corrections; and a chart as SVG or PNG.

use crate::download::{chart_png_file, chart_svg_file, text_file};
use crate::i18n::Lang;
use crate::state::Data;
use crate::store::use_store;
use leptos::prelude::*;
use plan_core::annotations::Bundle;
use plan_core::export::{csv, fdp::fiscal_data_package, slug};

/// The file name stem for a plan's downloads, e.g. `勞動局-111`.
pub fn stem(data: &Data) -> String {
    slug(&data.plan)
}

/// Everything a user can take away about one plan.
pub fn bundle_of(data: &Data) -> Bundle {
    let user = use_store().user_data(&data.id).unwrap_or_default();
    Bundle::new(&data.name, data.source.as_str(), user.annotations, user.scenario)
}

/// The files of a Fiscal Data Package, as `plan_core::export::fdp` names them.
const FDP_FILES: [&str; 2] = ["datapackage.json", "funding-lines.csv"];

#[component]
pub fn PlanDownloads(data: Data, lang: Lang) -> impl IntoView {
    let name = stem(&data);
    let (d1, d2, d3, d4, d5) = (data.clone(), data.clone(), data.clone(), data.clone(), data);
    let (n1, n2, n3, n4, n5) = (name.clone(), name.clone(), name.clone(), name.clone(), name);
    view! {
        <div class="downloads" role="group" aria-label=lang.pick("下載這份計畫", "Download this plan")>
            <span>{lang.pick("下載：", "Download: ")}</span>
            <button type="button" on:click=move |_| text_file(&format!("{n1}-programmes.csv"), "text/csv", &csv::programmes_csv(&d1.plan, &d1.summary))>
                {lang.pick("計畫 CSV", "Programmes CSV")}
            </button>
            <button type="button" on:click=move |_| text_file(&format!("{n2}-funding-lines.csv"), "text/csv", &csv::funding_lines_csv(&d2.plan))>
                {lang.pick("經費來源 CSV", "Funding lines CSV")}
            </button>
            <button type="button" on:click=move |_| text_file(&format!("{n3}.json"), "application/json", &d3.plan.to_json())>
                "JSON"
            </button>
            // One button per file (browsers hold back several downloads from one click), each
            // written only when asked for: a budget book's funding lines are megabytes.
            {FDP_FILES.iter().map(|name| {
                let (data, stem) = (d4.clone(), n4.clone());
                let label = format!("{} {name}", lang.pick("財政資料包", "Fiscal Data Package"));
                view! { <button type="button" on:click=move |_| {
                    if let Some(f) = fiscal_data_package(&data.plan).into_iter().find(|f| f.name == *name) {
                        text_file(&format!("{stem}-{name}"), "application/octet-stream", &f.contents);
                    }
                }>{label}</button> }
            }).collect_view()}
            <button type="button" on:click=move |_| text_file(&format!("{n5}-with-notes.json"), "application/json", &bundle_of(&d5).to_json())>
                {lang.pick("含筆記的備份", "Backup with my notes")}
            </button>
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

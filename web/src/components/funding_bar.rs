//! A stacked bar of funding, drawn as SVG from `plan-core`'s bar geometry, with a legend that
//! doubles as the table equivalent (exact figures and shares).

use crate::components::downloads::ChartDownloads;
use crate::components::palette::kind_colour;
use crate::i18n::Lang;
use leptos::prelude::*;
use plan_core::geometry::{bars::stacked, Rect};
use plan_core::{FundingKind, Money};
use rust_decimal::Decimal;

#[derive(Clone)]
pub struct Segment {
    pub label: String,
    pub kind: FundingKind,
    pub amount: Money,
    pub share: Decimal,
}

/// The plan's funding by kind (central / special funds / city), as bar segments.
pub fn kind_segments(summary: &plan_core::summary::Summary, lang: Lang) -> Vec<Segment> {
    summary.kinds.iter().map(|(k, m, sh)| Segment { label: lang.kind(*k).to_string(), kind: *k, amount: *m, share: *sh }).collect()
}

const W: i32 = 600;
const H: i32 = 48;

/// The bar's rectangles, on whole pixels, each followed by a white edge so adjacent colours
/// never merge. (This was drawn with plotters; three rectangles did not earn its 14 KB of
/// wasm, most of it float formatting, in every page's first load.)
fn bar_rects(segments: &[Segment]) -> impl IntoView {
    let row: Vec<Money> = segments.iter().map(|s| s.amount).collect();
    let rects = stacked(&[row], Rect::new(0.0, 0.0, W as f64, H as f64), true, 0.0);
    let shapes = rects.first().map(Vec::as_slice).unwrap_or(&[]);
    segments
        .iter()
        .zip(shapes)
        .map(|(seg, r)| {
            let (x0, x1) = (r.x.round() as i32, (r.x + r.w).round() as i32);
            view! {
                <rect x=x0 y="0" width=(x1 - x0).max(0) height=H fill=kind_colour(seg.kind)></rect>
                <rect x=x1 - 1 y="0" width="1" height=H fill="#FFFFFF"></rect>
            }
        })
        .collect_view()
}

/// `download`: a file name (ASCII, no extension) to offer the bar as SVG and PNG under;
/// it also names the figure's id, so it must be unique on the page.
#[component]
pub fn FundingBar(lang: Lang, caption: String, segments: Vec<Segment>, #[prop(optional, into)] download: Option<String>) -> impl IntoView {
    let described = segments.iter().map(|s| format!("{} {} ({}%)", s.label, lang.money(s.amount), s.share)).collect::<Vec<_>>().join("; ");
    let rects = bar_rects(&segments);
    let id = download.as_ref().map(|d| format!("bar-{d}"));
    let buttons = download.map(|d| view! { <ChartDownloads lang=lang selector=format!("#bar-{d} .bar svg") name=d/> });
    view! {
        <figure class="funding-bar" id=id>
            <div class="bar" role="img" aria-label=format!("{caption}: {described}")>
                <svg xmlns="http://www.w3.org/2000/svg" width=W height=H viewBox=format!("0 0 {W} {H}")>{rects}</svg>
            </div>
            <figcaption>{caption}</figcaption>
            <table class="legend">
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("來源", "Source")}</th>
                        <th scope="col" class="num">{lang.pick("金額（千元）", "Amount (NT$ thousand)")}</th>
                        <th scope="col" class="num">{lang.pick("占比", "Share")}</th>
                    </tr>
                </thead>
                <tbody>
                    {segments.into_iter().map(|s| view! {
                        <tr>
                            <th scope="row">
                                <span class="swatch" style=format!("background:{}", kind_colour(s.kind)) aria-hidden="true"></span>
                                {s.label}
                            </th>
                            <td class="num">{s.amount.fmt_thousands()}</td>
                            <td class="num">{format!("{}%", s.share)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {buttons}
        </figure>
    }
}

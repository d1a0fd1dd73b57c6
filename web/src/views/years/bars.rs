//! A book's lines with their three years side by side: this year's budget, last year's and
//! what was spent the year before last, as grouped bars drawn by plotters (SVG backend), with
//! the names, a focusable labelled item per line drawn over it and a table that says the same.
//! On a book's overview, for its top level (in the later chunk, as the page's lower sections).

use crate::components::chart_item::ChartSvg;
use crate::components::downloads::ChartDownloads;
use crate::i18n::Lang;
use crate::routes::Page;
use crate::state::Data;
use crate::views::plot::{bar_frame, bar_row, drawing, Measured, RowPlace};
use leptos::prelude::*;
use plan_core::series::{three_years, tick, ThreeYears};
use plan_core::Money;
use plotters::prelude::*;

/// Lines shown; the book's tree and table have every one.
const MAX: usize = 10;
const ROW: f64 = 42.0;
const COLOURS: [RGBColor; 3] = [RGBColor(0x1f, 0x5f, 0xa8), RGBColor(0x8f, 0xb3, 0xdc), RGBColor(0x2f, 0x7d, 0x4f)];

/// Nothing for a book without last year's figures (its overview shows this year alone).
pub fn view(lang: Lang, data: &Data) -> Option<AnyView> {
    data.plan.series_totals().1?;
    let lines = three_years(&data.plan, &data.tree, None, MAX);
    if lines.is_empty() {
        return None;
    }
    let narrow = window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w < 640.0);
    let (w, names) = if narrow { (340u32, 110.0) } else { (900u32, 240.0) };
    let h = (lines.len() as f64 * ROW + 40.0) as u32;
    let drawn = draw(&lines, w, h, names)?;
    let chars = if narrow { 7 } else { 16 };
    let heads = [lang.pick("本年度預算數", "This year"), lang.pick("上年度預算數", "Last year"), lang.pick("前年度決算數", "Spent the year before last")];
    let money = move |m: Option<Money>| m.map_or_else(|| "—".to_string(), |m| lang.money(m));
    let items = lines
        .iter()
        .zip(drawn.rows)
        .enumerate()
        .map(|(i, (t, y))| {
            let name = data.plan.line(t.node).name.to_string();
            let label = format!(
                "{name}{}{} {}{}{} {}{}{} {}",
                lang.pick("：", ": "),
                heads[0],
                money(Some(t.this)),
                lang.pick("，", ", "),
                heads[1],
                money(t.last),
                lang.pick("，", ", "),
                heads[2],
                money(t.actual)
            );
            let opens = crate::routes::line_path(&data.plan, t.node, Page::Changes, "under");
            bar_row(RowPlace { y, height: ROW, width: w, names }, i, label, opens, &name, chars, ())
        })
        .collect_view();
    let rows = lines
        .iter()
        .map(|t| {
            view! {
                <tr>
                    <th scope="row">{data.plan.line(t.node).name.to_string()}</th>
                    <td class="num">{money(Some(t.this))}</td>
                    <td class="num">{money(t.last)}</td>
                    <td class="num">{money(t.actual)}</td>
                </tr>
            }
        })
        .collect_view();
    let caption = lang.pick("最上層各科目的三個年度（千元）", "The top-level lines' three years (NT$ thousand)");
    Some(
        view! {
            <figure class="grouped-chart" data-testid="grouped-chart">
                <figcaption>{caption}</figcaption>
                <ChartSvg class="grouped".to_string() view_box=format!("0 0 {w} {h}") label=lang.pick("三個年度並列的長條圖", "Grouped bars of three years")>
                    <g class="plot" aria-hidden="true" inner_html=drawn.svg></g>
                    {items}
                </ChartSvg>
                <ul class="legend">
                    {heads.iter().zip(COLOURS).map(|(name, RGBColor(r, g, b))| view! { <li><span class="swatch" style=format!("background:#{r:02x}{g:02x}{b:02x}") aria-hidden="true"></span>{*name}</li> }).collect_view()}
                </ul>
                <ChartDownloads selector="figure.grouped-chart svg.grouped" name=format!("{}-three-years", data.name) lang=lang/>
            </figure>
            <div class="table-wrap" tabindex="0" role="region" aria-label=caption>
                <table data-testid="grouped-table">
                    <caption>{caption}</caption>
                    <thead><tr>
                        <th scope="col">{lang.pick("科目", "Line")}</th>
                        {heads.iter().map(|h| view! { <th scope="col" class="num">{*h}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any(),
    )
}

struct Drawn {
    svg: String,
    /// Per line: the pixel y of its group's middle.
    rows: Vec<f64>,
}

fn draw(lines: &[ThreeYears], w: u32, h: u32, names: f64) -> Option<Drawn> {
    let values: Vec<[Option<f64>; 3]> = lines.iter().map(ThreeYears::coordinates).collect();
    let max = values.iter().flat_map(|v| v.iter().flatten()).fold(0.0f64, |a, b| a.max(*b)).max(1.0) * 1.05;
    let n = lines.len() as f64;
    let mut svg = String::new();
    let mut rows = Vec::new();
    {
        let root = Measured(SVGBackend::with_string(&mut svg, (w, h))).into_drawing_area();
        let mut chart = bar_frame(&root, 0.0..max, n, names, &|v| tick(*v))?;
        for (i, v) in values.iter().enumerate() {
            // The first line at the top; its three bars top to bottom.
            let mid = n - i as f64 - 0.5;
            for (k, value) in v.iter().enumerate() {
                if let Some(x) = value {
                    let top = mid + 0.36 - k as f64 * 0.24;
                    chart.draw_series(std::iter::once(Rectangle::new([(0.0, top - 0.22), (*x, top)], COLOURS[k].filled()))).ok()?;
                }
            }
            rows.push(chart.backend_coord(&(0.0, mid)).1 as f64);
        }
        root.present().ok()?;
    }
    Some(Drawn { svg: drawing(&svg), rows })
}

//! The view's biggest increases and cuts as a diverging bar chart. plotters (SVG backend)
//! draws the axis, its grid and the bars; the names, the exact figures and a focusable,
//! labelled item per bar are drawn here over it, so a keyboard reaches every bar, a screen
//! reader hears the same figure the table shows, and no imported text passes through
//! plotters' markup. Built in the later chunk (see [`super::Below`]): plotters is not in
//! any page's first load.

use super::Shown;
use crate::components::chart_item::ChartSvg;
use crate::components::downloads::ChartDownloads;
use crate::i18n::Lang;
use crate::state::Data;
use crate::views::plot::{bar_frame, bar_row, drawing, Measured, RowPlace};
use leptos::prelude::*;
use plan_core::changes::{diverging, tick_label, LineChange};
use plan_core::geometry::svg_number;
use plan_core::TreeRef;
use plotters::prelude::*;

/// Bars each way.
const EACH_WAY: usize = 8;
const ROW: f64 = 30.0;

/// The chart of a view's lines; nothing when no line moved.
/// `row_of(name)`: the view filtered to a line, which a line only the other document has
/// opens (it has no page in this one).
pub fn view(lang: Lang, data: &Data, shown: &Shown, row_of: impl Fn(&str) -> String) -> AnyView {
    let picked = diverging(&shown.changes, &shown.order, EACH_WAY);
    let bars: Vec<&LineChange> = picked.iter().map(|(i, _)| &shown.changes[*i]).collect();
    if bars.is_empty() {
        return ().into_any();
    }
    let narrow = window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w < 640.0);
    let (w, names) = if narrow { (340u32, 120.0) } else { (900u32, 260.0) };
    let h = (bars.len() as f64 * ROW + 50.0) as u32;
    let amounts: Vec<f64> = picked.iter().map(|(_, a)| *a).collect();
    let Some(drawn) = draw(&amounts, w, h, names) else { return ().into_any() };
    let svg = drawn.svg;
    let chars = if narrow { 7 } else { 16 };
    let items = bars
            .iter()
            .zip(drawn.bars)
            .zip(amounts)
            .enumerate()
            .map(|(i, ((c, (x0, x1, y)), a))| {
                let name = named(data, &bars, c.node);
                let (money, pct) = c.change.as_ref().map_or((String::new(), String::new()), |ch| (lang.money_change(ch.amount), crate::components::book_line::percent(lang, ch)));
                let label = match lang {
                    Lang::Zh => format!("{name}：{money}（{pct}）"),
                    Lang::En => format!("{name}: {money} ({pct})"),
                };
                let opens = match c.node {
                    TreeRef::Programme(p) if data.plan.programmes[p as usize].number == 0 => row_of(&data.plan.programmes[p as usize].name),
                    node => crate::routes::line_path(&data.plan, node, crate::routes::Page::Changes, "under"),
                };
                let up = a >= 0.0;
                let (left, right) = (x0.min(x1), x0.max(x1));
                // The figure sits past the bar's end; where the chart has no room for it there,
                // inside the bar, in white.
                let room = if up { w as f64 - right } else { left - names };
                let (fx, anchor, class) = match (up, room > 86.0) {
                    (true, true) => (right + 4.0, "start", "bar-figure"),
                    (true, false) => (right - 4.0, "end", "bar-figure inside"),
                    (false, true) => (left - 4.0, "end", "bar-figure"),
                    (false, false) => (left + 4.0, "start", "bar-figure inside"),
                };
                let figure = view! { <text x=svg_number(fx) y=svg_number(y + 5.0) text-anchor=anchor class=class>{c.change.as_ref().map(|c| c.amount.fmt_change()).unwrap_or_default()}</text> };
                bar_row(RowPlace { y, height: ROW, width: w, names }, i, label, opens, &name, chars, figure)
            })
            .collect_view();
    view! {
        <figure class="changes-chart" data-testid="changes-chart">
            <figcaption>{lang.pick("增加與減少最多的科目（千元）", "The biggest increases and cuts (NT$ thousand)")}</figcaption>
            <ChartSvg class="diverging".to_string() view_box=format!("0 0 {w} {h}") label=lang.pick("增減最多的科目", "Biggest changes")>
                <g class="plot" aria-hidden="true" inner_html=svg></g>
                {items}
            </ChartSvg>
            <ChartDownloads selector="figure.changes-chart svg.diverging" name=format!("{}-changes", data.name) lang=lang/>
        </figure>
    }
    .into_any()
}

/// A line's name, with the line it is under where another bar has the same name.
fn named(data: &Data, bars: &[&LineChange], node: TreeRef) -> String {
    let plan = &data.plan;
    let name = plan.line(node).name;
    let twins = bars.iter().filter(|c| plan.line(c.node).name == name).count();
    match plan.parent_name(node).filter(|_| twins > 1) {
        Some(parent) => format!("{name}（{parent}）"),
        None => name.to_string(),
    }
}

struct Drawn {
    svg: String,
    /// Per bar: the pixel x of zero, of its end, and the y of its middle.
    bars: Vec<(f64, f64, f64)>,
}

/// The axis, grid and bars, as plotters draws them, with where each bar landed.
fn draw(amounts: &[f64], w: u32, h: u32, names: f64) -> Option<Drawn> {
    let max = amounts.iter().fold(0.0f64, |a, b| a.max(*b));
    let min = amounts.iter().fold(0.0f64, |a, b| a.min(*b));
    let pad = (max - min).max(1.0) * 0.08;
    let n = amounts.len() as f64;
    let mut svg = String::new();
    let mut bars = Vec::new();
    {
        let root = Measured(SVGBackend::with_string(&mut svg, (w, h))).into_drawing_area();
        let mut chart = bar_frame(&root, (min - pad)..(max + pad), n, names, &|v| tick_label(*v))?;
        let up = RGBColor(0x2f, 0x7d, 0x4f);
        let down = RGBColor(0xb8, 0x3b, 0x3b);
        for (i, a) in amounts.iter().enumerate() {
            // The first bar at the top.
            let y = n - i as f64 - 0.5;
            let colour = if *a >= 0.0 { up } else { down };
            chart.draw_series(std::iter::once(Rectangle::new([(0.0, y - 0.32), (*a, y + 0.32)], colour.filled()))).ok()?;
            let (x0, ym) = chart.backend_coord(&(0.0, y));
            let (x1, _) = chart.backend_coord(&(*a, y));
            bars.push((x0 as f64, x1 as f64, ym as f64));
        }
        chart.draw_series(std::iter::once(PathElement::new(vec![(0.0, 0.0), (0.0, n)], Color::stroke_width(&BLACK, 1)))).ok()?;
        root.present().ok()?;
    }
    Some(Drawn { svg: drawing(&svg), bars })
}

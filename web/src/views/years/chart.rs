//! The series as lines over the years: the budget, what was spent and what was proposed.
//! plotters (SVG backend) draws the axes, the grid, the lines and the markers; the years,
//! the budget figures and a focusable, labelled item per year are drawn here over it, so a
//! keyboard reaches every year and a screen reader hears the figures the table shows.

use super::year_label;
use crate::components::chart_item::{ChartItem, ChartSvg};
use crate::components::downloads::ChartDownloads;
use crate::i18n::Lang;
use crate::state::Data;
use crate::views::plot::{drawing, Measured};
use leptos::prelude::*;
use plan_core::geometry::svg_number;
use plan_core::series::{tick, Series};
use plotters::prelude::*;

const BUDGET: RGBColor = RGBColor(0x1f, 0x5f, 0xa8);
const ACTUAL: RGBColor = RGBColor(0x2f, 0x7d, 0x4f);
const PROPOSED: RGBColor = RGBColor(0x8a, 0x5a, 0x00);

pub fn view(lang: Lang, data: &Data, series: &Series) -> AnyView {
    let coords = series.coordinates();
    let narrow = window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w < 640.0);
    let (w, h, left) = if narrow { (340u32, 240u32, 70.0) } else { (720u32, 300u32, 90.0) };
    let Some(drawn) = draw(&coords, w, h, left) else { return ().into_any() };
    let step = drawn.xs.get(1).zip(drawn.xs.first()).map_or(w as f64, |(b, a)| b - a);
    let figures = coords.len() <= if narrow { 5 } else { 10 };
    let bottom = drawn.bottom;
    let items = series
        .years
        .iter()
        .zip(drawn.xs)
        .zip(drawn.budget_y)
        .enumerate()
        .map(|(i, ((y, x), by))| {
            let money = |f: Option<plan_core::series::Figure>| f.map_or_else(|| "—".to_string(), |f| lang.money(f.amount));
            let mut parts = vec![year_label(lang, y.year)];
            if y.proposed.is_some() {
                parts.push(format!("{} {}", lang.pick("預算案", "proposed"), money(y.proposed)));
            }
            parts.push(format!("{} {}", lang.pick("預算", "budget"), money(y.budget)));
            parts.push(format!("{} {}", lang.pick("決算", "spent"), money(y.actual)));
            let label = parts.join(lang.pick("，", ", "));
            let figure = y.budget.filter(|_| figures).map(|f| f.amount.fmt_thousands());
            view! {
                <ChartItem class="year-item".to_string() label=label item=i.to_string() target=None>
                    <rect x=svg_number(x - step / 2.0) y="0" width=svg_number(step) height=svg_number(bottom) class="hit"></rect>
                </ChartItem>
                <g aria-hidden="true">
                    <text x=svg_number(x) y=svg_number(bottom + 18.0) text-anchor="middle" class="year">{y.year.to_string()}</text>
                    {figure.zip(by).map(|(f, by)| view! { <text x=svg_number(x) y=svg_number(by - 9.0) text-anchor="middle" class="figure">{f}</text> })}
                </g>
            }
        })
        .collect_view();
    let legend = [
        (series.years.iter().any(|y| y.budget.is_some()), "budget", lang.pick("預算", "Budget")),
        (series.years.iter().any(|y| y.actual.is_some()), "actual", lang.pick("決算（實際支出）", "Spent (決算)")),
        (series.years.iter().any(|y| y.proposed.is_some()), "proposed", lang.pick("預算案", "Proposed")),
    ];
    view! {
        <figure class="years-chart" data-testid="years-chart">
            <figcaption>{lang.pick("歷年預算與決算（千元；民國年度）", "Budget and spending over the years (NT$ thousand; ROC years)")}</figcaption>
            <ChartSvg class="series".to_string() view_box=format!("0 0 {w} {}", h + 8) label=lang.pick("歷年預算折線圖", "Line chart of the budget over the years")>
                <g class="plot" aria-hidden="true" inner_html=drawn.svg></g>
                {items}
            </ChartSvg>
            <ul class="legend">
                {legend.into_iter().filter(|l| l.0).map(|(_, class, name)| view! { <li><span class=format!("swatch {class}") aria-hidden="true"></span>{name}</li> }).collect_view()}
            </ul>
            <ChartDownloads selector="figure.years-chart svg.series" name=format!("{}-years", data.name) lang=lang/>
        </figure>
    }
    .into_any()
}

struct Drawn {
    svg: String,
    /// Per year: the pixel x, and the pixel y of its budget point.
    xs: Vec<f64>,
    budget_y: Vec<Option<f64>>,
    /// The pixel y of the x axis.
    bottom: f64,
}

/// Runs of consecutive years that have a figure: a line is not drawn across a gap.
fn runs(coords: &[(u32, [Option<f64>; 3])], k: usize) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut last_year = None;
    for (year, v) in coords {
        match v[k] {
            Some(v) => {
                if last_year != Some(year - 1) || out.is_empty() {
                    out.push(Vec::new());
                }
                out.last_mut().expect("pushed").push((*year as f64, v));
                last_year = Some(*year);
            }
            None => last_year = None,
        }
    }
    out
}

fn draw(coords: &[(u32, [Option<f64>; 3])], w: u32, h: u32, left: f64) -> Option<Drawn> {
    let (first, last) = (coords.first()?.0 as f64, coords.last()?.0 as f64);
    let top = coords.iter().flat_map(|(_, v)| v.iter().flatten()).fold(0.0f64, |a, b| a.max(*b)).max(1.0) * 1.15;
    let mut svg = String::new();
    let mut xs = Vec::new();
    let mut budget_y = Vec::new();
    let bottom;
    {
        let root = Measured(SVGBackend::with_string(&mut svg, (w, h))).into_drawing_area();
        let mut chart = ChartBuilder::on(&root)
            .margin_right(16)
            .margin_top(10)
            .x_label_area_size(26)
            .y_label_area_size(left as u32)
            .build_cartesian_2d((first - 0.5)..(last + 0.5), 0.0..top)
            .ok()?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_labels(if h < 260 { 4 } else { 6 })
            .y_label_formatter(&|v| tick(*v))
            .axis_style(BLACK.mix(0.6))
            .light_line_style(TRANSPARENT)
            .bold_line_style(BLACK.mix(0.12))
            .draw()
            .ok()?;
        for (k, colour) in [(1, BUDGET), (2, ACTUAL)] {
            for run in runs(coords, k) {
                chart.draw_series(LineSeries::new(run.iter().copied(), colour.stroke_width(2))).ok()?;
                chart.draw_series(run.iter().map(|p| Circle::new(*p, 4, colour.filled()))).ok()?;
            }
        }
        let proposed = coords.iter().filter_map(|(y, v)| v[0].map(|p| (*y as f64, p)));
        chart.draw_series(proposed.map(|p| Circle::new(p, 6, PROPOSED.stroke_width(2)))).ok()?;
        for (year, v) in coords {
            let (x, _) = chart.backend_coord(&(*year as f64, 0.0));
            xs.push(x as f64);
            budget_y.push(v[1].map(|b| chart.backend_coord(&(*year as f64, b)).1 as f64));
        }
        bottom = chart.backend_coord(&(first, 0.0)).1 as f64;
        root.present().ok()?;
    }
    Some(Drawn { svg: drawing(&svg), xs, budget_y, bottom })
}

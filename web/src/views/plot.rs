//! What plotters needs to draw the site's axis charts (in the later chunk: only the pages
//! that show an axis chart fetch plotters' code).

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

/// plotters writes a whole SVG document; only its drawing goes into the page's chart, whose
/// `<svg>` the view writes itself (with the focusable items over the drawing).
pub fn drawing(svg: &str) -> String {
    let body = svg.find('>').map(|i| &svg[i + 1..]).unwrap_or("");
    body.strip_suffix("</svg>\n").or_else(|| body.strip_suffix("</svg>")).unwrap_or(body).to_string()
}

/// plotters' SVG backend, measuring text itself. In the browser plotters measures each tick
/// label by adding a `<span>` to the page and reading its size, which lays out the whole
/// page (the table too) once per label; its labels are our own figures (digits, commas and
/// a sign), whose width is near enough 0.6 em a character.
pub struct Measured<'a>(pub SVGBackend<'a>);

impl DrawingBackend for Measured<'_> {
    type ErrorType = <SVGBackend<'static> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(&mut self, ul: BackendCoord, br: BackendCoord, style: &S, fill: bool) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_rect(ul, br, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_path(path, style)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.fill_polygon(vert, style)
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.0.draw_text(text, style, pos)
    }
    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, style: &T) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let size = style.size();
        Ok(((text.chars().count() as f64 * size * 0.6) as u32, size as u32))
    }
}

/// A chart of horizontal bars as both bar charts draw it: `rows` rows from the top, an x
/// axis of 千元 over `x` under them labelled by `label`, and `names` pixels at the left for
/// the names the view writes over it.
pub type Bars<'a, 'b> = ChartContext<'a, Measured<'b>, Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>>;

pub fn bar_frame<'a, 'b>(
    root: &DrawingArea<Measured<'b>, plotters::coord::Shift>,
    x: std::ops::Range<f64>,
    rows: f64,
    names: f64,
    label: &dyn Fn(&f64) -> String,
) -> Option<Bars<'a, 'b>> {
    let narrow = root.dim_in_pixel().0 < 500;
    let mut chart =
        ChartBuilder::on(root).margin_right(14).margin_top(8).x_label_area_size(30).y_label_area_size(names as u32).build_cartesian_2d(x, 0.0..rows).ok()?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(if narrow { 3 } else { 6 })
        .x_label_formatter(label)
        .axis_style(BLACK.mix(0.6))
        .light_line_style(BLACK.mix(0.08))
        .bold_line_style(BLACK.mix(0.15))
        .draw()
        .ok()?;
    Some(chart)
}

/// Where a bar chart's row sits and how wide the chart and its names' room are (pixels).
#[derive(Clone, Copy)]
pub struct RowPlace {
    pub y: f64,
    pub height: f64,
    pub width: u32,
    pub names: f64,
}

/// One row of a bar chart, drawn over plotters' drawing: a focusable item as wide as the
/// chart whose label says the figures, and, for the eye only, the line's name (cut to
/// `chars`) at the left with whatever the chart writes beside its bar.
pub fn bar_row(
    at: RowPlace,
    item: usize,
    label: String,
    opens: String,
    name: &str,
    chars: usize,
    beside: impl leptos::prelude::IntoView,
) -> impl leptos::prelude::IntoView {
    use crate::components::chart_item::ChartItem;
    use leptos::prelude::*;
    use plan_core::geometry::svg_number;
    let RowPlace { y, height, width, names } = at;
    view! {
        <ChartItem class="bar-item".to_string() label=label item=item.to_string() target=None opens=opens>
            <rect x="0" y=svg_number(y - height / 2.0) width=width.to_string() height=svg_number(height) class="hit"></rect>
        </ChartItem>
        <g aria-hidden="true">
            <text x=svg_number(names - 8.0) y=svg_number(y + 5.0) text-anchor="end" class="bar-name">{crate::components::names::truncate(name, chars)}</text>
            {beside}
        </g>
    }
}

//! Money flow: funding source → programme → goal, as a Sankey diagram laid out by
//! `plan-core` (flows conserved at every programme), with focusable, labelled nodes and a
//! list of every flow as its text equivalent.

use crate::components::chart_item::{ChartItem, ChartSvg};
use crate::components::names::with_gloss;
use crate::components::palette::{goal_colour, kind_colour};
use crate::components::small_items::{SmallItem, SmallItems};
use crate::i18n::Lang;
use crate::state::{use_data, use_ui, Data};
use leptos::prelude::*;
use plan_core::charts::{money_flow, Node};
use plan_core::geometry::svg_number;

const W: f64 = 1000.0;
const H: f64 = 900.0;
/// Room below the last node for its label.
const PAD: f64 = 16.0;
/// Room for labels left of the first column and right of the last.
const MARGIN: f64 = 170.0;

fn label(data: &Data, lang: Lang, node: Node) -> String {
    let gloss = &data.meta.gloss;
    match node {
        Node::Source(i) => data.summary.funding.get(i).map(|l| with_gloss(lang, &l.source.name, gloss.source(&l.source.name))).unwrap_or_default(),
        Node::Programme(n) => with_gloss(lang, data.plan.programme(n).map(|p| p.name.as_str()).unwrap_or(""), gloss.programme(n)),
        Node::Goal(g) => lang.goal_label(g),
        Node::Strategy(id) => lang.strategy_label(id),
        Node::Unlinked => lang.pick("未連結", "Unlinked").to_string(),
    }
}

#[component]
pub fn FlowPage() -> impl IntoView {
    let data = use_data();
    let ui = use_ui();
    let (nodes, links) = money_flow(&data.plan, &data.summary, W - 2.0 * MARGIN, H);
    let focused = RwSignal::new(String::new());
    move || {
        let lang = ui.lang.get();
        let colour = |n: Node| match n {
            Node::Source(i) => data.summary.funding.get(i).map(|l| kind_colour(l.source.kind)).unwrap_or("#999"),
            Node::Goal(g) => goal_colour(Some(g)),
            _ => "#777",
        };
        let link_shapes = links
            .iter()
            .map(|l| {
                let text = lang.figure(&format!("{} → {}", label(&data, lang, nodes[l.from].node), label(&data, lang, nodes[l.to].node)), l.amount, None);
                view! { <path d=l.path.clone() class="flow" fill=colour(nodes[l.from].node)><title>{text}</title></path> }
            })
            .collect_view();
        let mut texts = Vec::new();
        let node_shapes = nodes
            .iter()
            .map(|n| {
                let name = label(&data, lang, n.node);
                let text = lang.figure(&name, n.amount, None);
                let right_side = n.rect.x > (W - 2.0 * MARGIN) / 2.0 + 10.0;
                let (tx, anchor) = if right_side { (n.rect.x + n.rect.w + 6.0, "start") } else { (n.rect.x - 6.0, "end") };
                // Labels only where nodes are tall enough not to collide; every node is still
                // named by its aria-label, the details line and the table below.
                let show_text = n.has_room_for_label();
                let target = match n.node {
                    Node::Programme(p) => Some(crate::routes::Address::programme(p)),
                    _ => None,
                };
                if show_text {
                    texts.push(view! { <text x=svg_number(tx) y=svg_number(n.rect.y + n.rect.h / 2.0 + 5.0) text-anchor=anchor>{name.clone()}</text> });
                }
                let (fill, r) = (colour(n.node), n.rect);
                view! {
                    <ChartItem class="node".to_string() label=text.clone() item=text target=target>
                        <rect x=svg_number(r.x) y=svg_number(r.y) width=svg_number(r.w) height=svg_number(r.h.max(1.0)) fill=fill></rect>
                    </ChartItem>
                }
            })
            .collect_view();
        let texts = texts.collect_view();
        let small = nodes
            .iter()
            .map(|n| SmallItem {
                name: label(&data, lang, n.node),
                amount: n.amount,
                share: n.share,
                href: match n.node {
                    Node::Programme(p) => Some(crate::routes::Address::programme(p).href()),
                    _ => None,
                },
                labelled: n.has_room_for_label(),
            })
            .collect::<Vec<_>>();
        let rows = links
            .iter()
            .map(|l| {
                view! {
                    <tr>
                        <td>{label(&data, lang, nodes[l.from].node)}</td>
                        <td>{label(&data, lang, nodes[l.to].node)}</td>
                        <td class="num">{l.amount.fmt_thousands()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <section class="page">
                <h1>{lang.pick("資金流向", "Money flow")}</h1>
                <p class="lede">{lang.pick(
                    "左：經費來源；中：計畫；右：對應目標。帶狀寬度與金額成正比。",
                    "Left: funding sources; middle: programmes; right: the goals they serve. Band widths are proportional to money.",
                )}</p>
                <p class="details" aria-live="polite">{move || focused.get()}</p>
                <ChartSvg class="sankey".to_string() view_box=format!("{} 0 {} {}", svg_number(-MARGIN), svg_number(W), svg_number(H + PAD)) label=lang.pick("資金流向圖", "Money flow diagram") on_focus=Callback::new(move |label| focused.set(label))>
                    <g class="flows" aria-hidden="true">{link_shapes}</g>
                    {node_shapes}
                    <g class="node-labels" aria-hidden="true">{texts}</g>
                </ChartSvg>
                // The diagram is drawn 1,000 wide: on a phone even its labels are too small to
                // read, so there the list names every node.
                <SmallItems lang=lang heading=lang.pick("節點太小、未標名稱的項目", "Nodes too small to label").to_string() items=small testid="flow-unlabelled" all_on_phones=true/>
                <crate::components::downloads::ChartDownloads lang=lang selector="svg.sankey" name=format!("{}-flow", crate::components::downloads::stem(&data))/>
                <crate::components::embed::EmbedSnippet lang=lang chart=crate::routes::Page::EmbedFlow/>
                <details class="table-equivalent">
                    <summary>{lang.pick("以表格檢視所有流向", "Every flow as a table")}</summary>
                    <table>
                        <thead><tr>
                            <th scope="col">{lang.pick("從", "From")}</th>
                            <th scope="col">{lang.pick("到", "To")}</th>
                            <th scope="col" class="num">{lang.pick("金額（千元）", "NT$ thousand")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </details>
            </section>
        }
    }
}

//! How the figures are computed, for a reader who wants to check before quoting one. Every
//! number on it is the bundled plan's, as `plan-core` computed it, so the page cannot drift
//! from the site.

use crate::i18n::findings::span_place;
use crate::i18n::Lang;
use crate::routes::{Address, Page};
use crate::state::{use_ui, Data};
use leptos::prelude::*;
use leptos_router::components::A;
use plan_core::links::LinkKind;
use plan_core::money::group_digits;
use plan_core::summary::SHARE_DP;
use plan_core::Span;

#[component]
pub fn MethodsPage() -> impl IntoView {
    let ui = use_ui();
    let data = Data::bundled(None);
    move || render(&data, ui.lang.get())
}

fn render(data: &Data, lang: Lang) -> impl IntoView {
    let (plan, s) = (&data.plan, &data.summary);
    let join = |spans: &mut dyn Iterator<Item = Span>| spans.fold(Span::default(), Span::join);
    let place = |span: Span| span_place(lang, plan.source.as_ref(), span);
    let first = join(&mut plan.vision.iter().map(|v| v.span).chain(plan.missions.iter().map(|m| m.span)));
    let second = join(&mut plan.goals.iter().map(|g| g.span));
    let third = join(&mut plan.programmes.iter().map(|p| p.span));
    let (noted, city) = s.noted_and_city();
    let inferred = s.links.iter().filter(|l| l.kind == LinkKind::Inferred).count();
    let m = |x| lang.money(x);
    let t = |zh: String, en: String| if lang == Lang::Zh { zh } else { en };
    let population = data.meta.population.as_ref().map(|p| {
        let n = group_digits(p.count.into());
        t(
            format!("每人負擔以 {n} 人計（{}）：{}你可以在概覽頁改人口數。", p.as_of_zh, p.source_zh),
            format!("Per-resident figures use {n} residents ({}): {} You can change it on the overview.", p.as_of_en, p.source_en),
        )
    });
    let units = data
        .meta
        .everyday
        .iter()
        .map(|u| {
            let price = group_digits(u.price);
            view! { <li>{t(format!("{}：每單位 {price} 元，{}，{}", u.zh, u.as_of_zh, u.source_zh), format!("{}: NT${price} each, {}, {}", u.en, u.as_of_en, u.source_en))}</li> }
        })
        .collect_view();
    let programmes = plan
        .programmes
        .iter()
        .map(|p| {
            let (href, label) = (Address::programme(p.number).href(), lang.programme_label(p.number));
            view! { " " <A href=href>{label}</A> }
        })
        .collect_view();
    view! {
        <article class="page methods">
            <h1>{lang.pick("這些數字怎麼算", "How these figures are computed")}</h1>
            <p class="lede">{lang.pick("本站每個數字都是你的瀏覽器從計畫原文算出來的，沒有一個是手打的。", "Every figure on this site is computed in your browser from the plan's text; none is typed in.")}</p>
            <h2>{lang.pick("讀了什麼", "What is read")}</h2>
            <ul>
                <li><A href=Address::bundled(Page::Goals).href()>{lang.pick("壹、願景及任務", "壹 Vision and missions")}</A>{t(format!("（{}）：{} 項任務。", place(first), plan.missions.len()), format!(" ({}): {} missions.", place(first), plan.missions.len()))}</li>
                <li><A href=Address::bundled(Page::Goals).href()>{lang.pick("貳、年度施政目標及策略", "貳 Goals and strategies")}</A>{t(format!("（{}）：{} 個目標、{} 項策略。", place(second), plan.goals.len(), plan.strategy_count()), format!(" ({}): {} goals, {} strategies.", place(second), plan.goals.len(), plan.strategy_count()))}</li>
                <li><A href=Address::bundled(Page::Programmes).href()>{lang.pick("參、年度重要施政計畫與預算配合對照表", "參 The programme table")}</A>{t(
                    format!("（{}）：欄位為「計畫名稱｜實施內容｜經費(千元)｜備註」，每列一個計畫，共 {} 個，經費合計 ", place(third), plan.programmes.len()),
                    format!(" ({}), columns 計畫名稱 | 實施內容 | 經費(千元) | 備註 (name, what it does, budget in NT$ thousand, note): {} programmes, in total ", place(third), plan.programmes.len()),
                )}<strong data-testid="methods-total">{m(s.total)}</strong>{lang.pick("。備註中寫明的經費來源與金額（如中央補助款）逐筆讀出。", ". The note's funding sources and their amounts (e.g. 中央補助款, the central subsidy) are read one by one.")}</li>
            </ul>
            <p class="sources">{lang.pick("每個計畫頁都列出它的數字讀自原文哪幾行：", "Each programme's page shows the source lines its figures were read from:")}{programmes}</p>
            <h2>{lang.pick("市總預算是餘額", "The city's budget is the remainder")}</h2>
            <p>{lang.pick("備註沒有列出的經費由市總預算支應，逐一計畫計算（不會小於零）：總預算 ", "Whatever the notes do not name is paid from the city's general budget, programme by programme (never below zero): the total ")}
                {m(s.total)}{lang.pick("，減去備註所列來源 ", ", minus the noted sources ")}<span data-testid="methods-noted">{m(noted)}</span>
                {lang.pick("，市總預算為 ", ", leaves ")}<strong data-testid="methods-city">{m(city)}</strong>{lang.pick("。", " for the city.")}</p>
            <h2>{lang.pick("策略與計畫的對應是推測的", "Links between strategies and programmes are inferred")}</h2>
            <p>
                {t(
                    format!("原文沒有寫哪個計畫服務哪項策略。本站比對計畫與策略文字共有的相鄰兩字，推測出 {inferred} 條對應，並列出分數與依據。"),
                    format!("The document never says which programme serves which strategy. The site compares the pairs of adjacent characters their texts share and infers {inferred} links, each shown with its score and evidence."),
                )}
                {lang.pick("在計畫頁的「對應策略」可以確認、移除或新增對應，修正只存在你的瀏覽器。", " On a programme's page, under “Strategies it serves”, you can confirm, remove or add links; corrections stay in your browser.")}
            </p>
            <h2>{lang.pick("四捨五入", "Rounding")}</h2>
            <p>{t(
                format!("占比取到小數點後 {SHARE_DP} 位，用最大餘數法：每項先無條件捨去，剩下的單位依捨去部分由大到小分配（相同時給排在前面的），所以加總恰為 100%。每人負擔四捨五入到 0.01 元（恰為一半時取偶數）；換算成日常單位時無條件捨去到小數點後 1 位。"),
                format!("Shares are given to {SHARE_DP} decimal places by the largest-remainder method: each is first cut down, and the units left over go to the largest remainders (ties to the earlier one), so they add up to exactly 100%. Per-resident amounts are rounded to NT$0.01 (halves to even); counts of everyday units are cut down to one decimal place."),
            )}</p>
            <h2>{lang.pick("增減與標記", "Changes and flags")}</h2>
            <p>{changes_method(lang)}</p>
            <h2>{lang.pick("歷年比較", "Years in series")}</h2>
            <p>{lang.pick(
                "同一發布機關（標題去掉年度與「預算案」「法定預算」「決算」等字後相同）、同一種類的文件，逐項對應成歷年數列：兩份文件都有科目編號時依編號，否則依科目名稱及其上層各層名稱；施政計畫的計畫則依名稱，名稱不同時取最相似者（與「比較」相同）。每一年度的預算數，先取標題寫明「法定預算」的文件，其次取該年度自己的預算書，最後才取下一年度預算書的「上年度預算數」；決算數先取該年度的決算書，其次取兩年後預算書的「前年度決算數」。同一年度、同一種數字在不同文件中不一致時（例如有追加預算），兩個數字都列出並註明出處；找不到這個科目的文件也會列出，不當作零。",
                "Documents of one issuer (the same title once its year and words such as 預算案, 法定預算 and 決算 are removed) and of one kind are matched line by line into series: by 科目編號 where both documents print codes, else by the line's name and the names of the lines above it; a plan's programmes by name, then by the most similar name (as Compare does). A year's budget is taken first from a document whose title says 法定預算, then from that year's own book, and only then from the next year's book's 上年度預算數; what was spent, from that year's 決算, else from the 前年度決算數 of the book two years on. Where two documents give different figures for the same year and kind (a supplementary budget, for example), both are shown with their sources; the documents in which the line was not found are named, never read as zero.",
            )}</p>
            <h2>{lang.pick("人口與日常單位", "Population and everyday units")}</h2>
            <p>{population}</p>
            <ul>{units}</ul>
        </article>
    }
}

/// How the what-changed page computes each change and flag, with the thresholds core uses.
fn changes_method(lang: Lang) -> String {
    use plan_core::changes::{LARGE_AMOUNT, LARGE_SHARE, MANY, THRESHOLDS};
    let thresholds = THRESHOLDS.map(|t| plan_core::Money::thousands(t).fmt_thousands()).join("、");
    let large = LARGE_AMOUNT.fmt_thousands();
    match lang {
        Lang::Zh => format!(
            "增減是本年度預算數減上年度預算數，百分比以上年度為分母（上年度為 0 時寫「新增」，不算百分比）。一個層級的各項加總恰為全書總額：較淺的最末項也算在內，不重複計算。標記：（1）預算書列的「本年度與上年度比較」不等於本年度減上年度；（2）說明寫的本年度預算數、上年度預算數或「較上年度增列／減列…千元」與這一項的數字都不合（逐項說明的各小項增減不檢查，因為無法確定屬於哪一項）；（3）增減達 {LARGE_SHARE}% 且至少 {large} 千元，這一項和其下各項都沒有說明（全書都沒有說明時不標）；（4）化整為零：同一上層下至少 {MANY} 項，或全書同名至少 {MANY} 項分屬不同上層，都在採購門檻（{thresholds} 千元）以下 10% 以內。預算科目不是採購案，這只是值得查看的地方，不是結論。"
        ),
        Lang::En => format!(
            "A change is this year's budget minus last year's; its % is of last year (a line with nothing last year is “new”, with no %). A level's lines add up to the whole book: leaves above that level count too, and nothing twice. Flags: (1) the book's stated change is not this year minus last; (2) the explanation's 本年度預算數, 上年度預算數 or “較上年度增列/減列 … 千元” matches none of the line's figures (an itemised explanation's part-by-part changes are not checked: which part they belong to cannot be told); (3) a change of at least {LARGE_SHARE}% and {large} thousand with no explanation on the line or under it (not raised in a book that explains nothing); (4) splitting (化整為零): at least {MANY} lines under one parent, or {MANY} of one name under different parents, each within 10% under a procurement threshold ({thresholds} thousand). A budget line is not a tender: this marks a place to look, not a conclusion."
        ),
    }
}

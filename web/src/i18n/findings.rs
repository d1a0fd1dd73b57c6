//! What the readers found, worded for the reader: zh-TW here, English from `plan-core`'s
//! own sentence (the one the CLI prints), so the two never drift apart in what they say.
//! Both are built from the same typed fields of a [`Finding`].

use super::Lang;
use plan_core::diagnostic::{AmountOf, Diagnostic, Finding, PagesAre, Section, Severity, UnitEvidence};

/// Words a finding as one line in the reader's language (see [`crate::codec::Codec::finding`]).
pub type Wording = fn(Lang, &Diagnostic) -> String;

/// `第 2 頁 第 14 行` / `page 2, line 14`; empty when the finding has no place.
pub fn place(lang: Lang, d: &Diagnostic) -> String {
    match (lang, d.page, d.line) {
        (Lang::Zh, Some(p), Some(l)) => format!("第 {p} 頁 第 {l} 行"),
        (Lang::Zh, Some(p), None) => format!("第 {p} 頁"),
        (Lang::Zh, None, Some(l)) => format!("第 {l} 行"),
        (Lang::En, Some(p), Some(l)) => format!("page {p}, line {l}"),
        (Lang::En, Some(p), None) => format!("page {p}"),
        (Lang::En, None, Some(l)) => format!("line {l}"),
        (_, None, None) => String::new(),
    }
}

/// Where a figure's source lines are, as a reader finds them in the document: in a PDF
/// "第 2 頁 第 14–16 行" (lines counted within the page), in plain text "原文第 14–16 行".
pub fn span_place(lang: Lang, source: Option<&plan_core::span::SourceFile>, span: plan_core::Span) -> String {
    let lines = |a: u32, b: u32| if a == b { a.to_string() } else { format!("{a}–{b}") };
    if let Some(sheet) = source.and_then(|s| s.sheet.as_deref()) {
        return match lang {
            Lang::Zh => format!("工作表「{sheet}」第 {} 列", lines(span.start, span.end)),
            Lang::En => format!("sheet “{sheet}”, row{} {}", if span.start == span.end { "" } else { "s" }, lines(span.start, span.end)),
        };
    }
    match source.and_then(|s| Some((s.place(span.start)?, s.place(span.end)?))) {
        Some(((p, a), (q, b))) if p == q => match lang {
            Lang::Zh => format!("第 {p} 頁 第 {} 行", lines(a, b)),
            Lang::En => format!("page {p}, line{} {}", if a == b { "" } else { "s" }, lines(a, b)),
        },
        Some(((p, a), (q, b))) => match lang {
            Lang::Zh => format!("第 {p} 頁第 {a} 行至第 {q} 頁第 {b} 行"),
            Lang::En => format!("page {p}, line {a} to page {q}, line {b}"),
        },
        None => match lang {
            Lang::Zh => format!("原文第 {} 行", lines(span.start, span.end)),
            Lang::En => format!("source {span}"),
        },
    }
}

pub fn severity(lang: Lang, s: Severity) -> &'static str {
    match s {
        Severity::Error => lang.pick("錯誤", "Error"),
        Severity::Warning => lang.pick("警告", "Warning"),
        Severity::Info => lang.pick("提示", "Note"),
    }
}

/// The whole finding as one line: `警告 第 3 行：…`.
pub fn line(lang: Lang, d: &Diagnostic) -> String {
    let at = place(lang, d);
    let sep = if at.is_empty() { "" } else { " " };
    format!("{}{sep}{at}{}{}", severity(lang, d.severity), lang.pick("：", ": "), message(lang, &d.finding))
}

pub fn message(lang: Lang, f: &Finding) -> String {
    match lang {
        Lang::En => f.to_string(),
        Lang::Zh => zh(f),
    }
}

fn section_zh(s: Section) -> &'static str {
    match s {
        Section::VisionAndMissions => "願景及任務",
        Section::GoalsAndStrategies => "施政目標及策略",
        Section::BudgetTable => "施政計畫與預算對照表",
    }
}

fn zh(f: &Finding) -> String {
    use Finding::*;
    let of = |p: &Option<u32>| p.map(|n| format!("計畫 {n} 的")).unwrap_or_default();
    match f {
        NotUtf8 { byte } => format!("這個檔案不是 UTF-8、UTF-16 或 Big5 文字（第 {byte} 個位元組）；請另存為 UTF-8 再試。"),
        Decoded { encoding } => format!("檔案以 {encoding} 編碼讀取。"),
        Empty => "檔案是空的：沒有可讀的內容。".into(),
        BinaryInput { bad } => format!("這看起來不是計畫文字：有 {bad} 個控制字元或無法解碼的字元。"),
        BadJson { detail } => format!("不是有效的計畫 JSON：{detail}"),
        BadBundle { detail } => format!("不是有效的備份檔：{detail}"),
        BadCsv { detail } => format!("無法讀取這個 CSV：{detail}"),
        BadSpreadsheet { detail } => format!("無法讀取這個試算表：{detail}"),
        TooManyColumns { count, max } => format!("這一列有 {count} 欄；最多只讀 {max} 欄。"),
        TooManyRows { max } => format!("表格超過 {max} 列。"),
        NoSheet => "這個試算表沒有任何工作表同時有標題列和資料列。".into(),
        NoTitle => "第一行不是像「勞動局 111年度施政計畫」的標題。".into(),
        NoYear => "標題沒有寫民國年度（例如 111年度）。".into(),
        MissingSection { section } => format!("找不到「{}」一節（{}）。", section.heading(), section_zh(*section)),
        NoVision => "壹之中沒有「一、願景」一行。".into(),
        NoMissions => "壹之中沒有列出任務（二、任務，以及 (一)…）。".into(),
        NoGoals => "貳之中沒有列出目標（一、…）。".into(),
        NoStrategies { goal } => format!("目標 {goal} 沒有策略。"),
        OrphanStrategy => "有一項策略出現在任何目標之前。".into(),
        DuplicateMission { mission } => format!("任務 ({mission}) 出現兩次。"),
        DuplicateStrategy { goal, strategy } => format!("目標 {goal} 之中策略 ({strategy}) 出現兩次。"),
        GoalOutOfOrder { goal, after } => format!("目標 {goal} 接在目標 {after} 之後。"),
        NoBudgetTable { goals } => format!("沒有找到預算表：這份文件讀成 {goals} 個目標，沒有經費數字。"),
        ColumnOrder { names, amounts } => format!(
            "表格的欄位是一欄接一欄排列的（先是 {names} 個計畫名稱，再是實施內容，再是 {amounts} 個金額），這是一般 PDF 轉文字的結果；無法從這種文字重建每一列。請直接匯入 PDF 檔。"
        ),
        StrayText => "預算表第一個計畫之前的文字已略過。".into(),
        NoBudget { programme, name } => format!("計畫 {programme}（{name}）沒有經費數字。"),
        BudgetNotANumber { programme, column, written } => match column {
            Some(c) => format!("「{c}」欄：「{written}」不是數字。"),
            None => format!("{}經費不是數字：「{written}」。", of(programme)),
        },
        NegativeBudget { programme } => format!("計畫 {programme} 的經費是負數。"),
        NoteNotANumber { written } => format!("這一行的經費來源金額不是數字：「{written}」。"),
        NoteWithoutSource { written } => format!("金額（{written}）沒有寫來源名稱，未計入經費來源。"),
        NoteWithoutAmount { written } => format!("備註「{written}」沒有寫金額，已略過。"),
        UnrecognisedSource { name, special_fund } => format!(
            "未見過的經費來源「{name}」：以原名保留，歸類為{}。",
            if *special_fund { "特種基金" } else { "中央補助款" }
        ),
        TotalMismatch { stated, sum } => format!(
            "表中寫的合計是 {} 千元，但各項加總為 {} 千元；本站顯示加總。",
            stated.fmt_thousands(),
            sum.fmt_thousands()
        ),
        NoProgrammes => "這份計畫沒有任何計畫項目。".into(),
        DuplicateProgramme { programme } => format!("計畫編號 {programme} 用了兩次。"),
        NumberingGap { programme, after } => format!("計畫 {programme} 接在計畫 {after} 之後。"),
        NoName { programme } => format!("計畫 {programme} 沒有名稱。"),
        NoItems { programme, name } => format!("計畫 {programme}（{name}）沒有列出實施內容。"),
        AmountTooLarge { programme, of: what, written } => format!(
            "{}{}（{written}）大得不可能是預算（10^18 千元）；已當作 0。",
            of(programme),
            match what {
                AmountOf::Budget => "金額",
                AmountOf::FundingNote => "經費來源金額",
            }
        ),
        NoteNotPositive { programme, source } => format!("計畫 {programme} 的備註「{source}」金額不是正數。"),
        NotesExceedBudget { programme, name, noted, budget } => format!(
            "計畫 {programme}（{name}）的經費來源合計 {} 千元，超過其經費 {} 千元。",
            noted.fmt_thousands(),
            budget.fmt_thousands()
        ),
        TotalOverflow => "經費太大，無法精確加總。".into(),
        NoAmountColumn => "還沒有選擇哪一欄是金額。".into(),
        NoRows => "表格沒有資料列。".into(),
        UnnamedRow { called } => format!("這一列沒有名稱；以「{called}」稱之。"),
        NoClassification { name } => format!("「{name}」沒有科目分類，單獨列為一項。"),
        DuplicateClassification { name, path, first_line } => format!("「{name}」與第 {first_line} 行的科目 {path} 重複。"),
        NegativeAmount { name } => format!("「{name}」的金額是負數。"),
        NoAmount { name } => format!("「{name}」沒有金額，以 0 計。"),
        ParentSumMismatch { name, path, stated, sum } => format!(
            "「{name}」（{path}）寫的是 {} 千元，但其下各項加總為 {} 千元。",
            stated.fmt_thousands(),
            sum.fmt_thousands()
        ),
        BadProgrammeNumber { written } => format!("number 欄：「{written}」不是計畫編號。"),
        BadFundingNote { written } => format!("funding_notes 欄：「{written}」不是「來源 金額」。"),
        FundingColumnsDisagree { column, stated, derived } => format!(
            "{column} 欄是 {} 千元，但經費來源備註合計為 {} 千元。",
            stated.fmt_thousands(),
            derived.fmt_thousands()
        ),
        UnitAssumed { unit, evidence } => match evidence {
            UnitEvidence::Stated => format!("依表格所寫，金額以「{}」讀取。", unit.zh()),
            UnitEvidence::Magnitude { median } => format!(
                "表格沒有寫單位；因為一般項目的金額約為 {}，金額以「{}」讀取（若不對，請切換單位）。",
                median.fmt_thousands(),
                unit.zh()
            ),
            UnitEvidence::Default => format!("表格沒有寫單位；金額以「{}」讀取（若不對，請切換單位）。", unit.zh()),
            UnitEvidence::Convention => format!("金額以「{}」讀取：這種表格（year,code,amount,name,…）以元為單位。", unit.zh()),
            UnitEvidence::Explained { line } => format!("金額以「{}」讀取：第 {line} 行的說明以千元寫出該行的金額。", unit.zh()),
            UnitEvidence::Implausible { total } => format!(
                "金額以「{}」讀取：若以千元計，各項合計為 {} 千元，超過中央政府總預算的十倍，不可能。",
                unit.zh(),
                total.fmt_thousands()
            ),
            UnitEvidence::Split { as_thousand, as_yuan } => format!(
                "單位不明：以千元讀，合計 {} 千元；以元讀，合計 {} 千元。請先選擇單位，選定前不會保存。",
                as_thousand.fmt_thousands(),
                as_yuan.fmt_thousands()
            ),
        },
        TitleSkipped { title } => format!("標題列上方的「{title}」當作表格標題。"),
        ThisYearFromParts => "表格沒有本年度預算數的合計欄：每一項的本年度預算數是它的經常門加資本門。".to_string(),
        FigureNotANumber { column, written } => format!("{column} 欄：「{written}」不是數字，這個數字不列入。"),
        ChangeMismatch { name, stated, this_year, last_year, computed } => format!(
            "「{name}」寫的增減是 {} 千元，但本年度 {} 減上年度 {} 為 {} 千元。",
            stated.fmt_thousands(),
            this_year.fmt_thousands(),
            last_year.fmt_thousands(),
            computed.fmt_thousands()
        ),
        CrossTab { columns } => format!(
            "這是交叉表（{columns} 個金額欄，另有合計欄，例如政事別 × 機關別）：其中的數字不是同一棵科目樹，加總會重複計算，因此不讀取。請改匯入機關別或政事別預算表。"
        ),
        PdfTooLarge { bytes, max } => format!("這個 PDF 有 {} MB，最多只讀 {} MB。", bytes.div_ceil(1 << 20), max / (1 << 20)),
        NotPdf => "這不是 PDF 檔：開頭不是 %PDF-。".into(),
        PdfEncrypted => "這個 PDF 有密碼保護。請用 PDF 閱讀器打開，另存一份沒有密碼的檔案再匯入。".into(),
        BadPdf { detail } => format!("這個 PDF 已損壞或不完整，無法讀取（{detail}）。請重新下載一次。"),
        PdfTooComplex { detail } => format!("這個 PDF 結構太複雜，為了安全不予讀取（{detail}）。"),
        PdfNoText { pages, images: 0 } => format!("這個 PDF 的 {pages} 頁都沒有可讀的文字（沒有文字層）。如果是掃描檔，請先做文字辨識（OCR）。"),
        PdfNoText { pages, images } => format!("這個 PDF 的 {pages} 頁沒有文字，只有 {images} 張圖片：這是掃描檔。請先做文字辨識（OCR），再匯入辨識後的檔案。"),
        PdfUndecodableFont { font, glyphs, reason, page_skipped: true } => {
            format!("這一頁的文字無法解碼：字型 {font} 的 {glyphs} 個字（{reason}），所以這一頁不讀取。")
        }
        PdfUndecodableFont { font, glyphs, reason, page_skipped: false } => format!("字型 {font} 的 {glyphs} 個字無法解碼（{reason}），已略過。"),
        PdfNoTable { pages, lines, goals } => format!(
            "讀到 {pages} 頁、{lines} 行文字和 {goals} 個目標，但找不到表頭為「計畫名稱｜實施內容｜經費(千元)｜備註」的預算表。"
        ),
        PdfPages { first, last, are } => {
            let pages = if first == last { format!("第 {first} 頁") } else { format!("第 {first}–{last} 頁") };
            match are {
                PagesAre::Read(h) => format!("{pages}：{h}，已讀取為預算表。"),
                PagesAre::Known(h) => format!("{pages}：{h}，不是本程式讀取的表格，未讀取。"),
                PagesAre::Headed(t) => format!("{pages}：標題為「{t}」，不是本程式認得的表格，未讀取。"),
                PagesAre::Blank => format!("{pages}：沒有文字。"),
            }
        }
    }
}

//! What the readers (text, CSV, spreadsheet, JSON) say about input they could not fully trust.
//!
//! A [`Diagnostic`] is a place (line, and page for a PDF) plus a typed [`Finding`] that
//! carries the figures and names it is about. The English sentence lives here (the CLI
//! prints it); the web crate words each finding in the reader's language from the same
//! fields, so no caller ever compares message strings.

use crate::money::Money;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    Info,
    Warning,
    /// The plan cannot be trusted as read (a figure is missing or contradicts another).
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Which section heading a [`Finding::MissingSection`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Section {
    /// 壹、願景及任務
    VisionAndMissions,
    /// 貳、年度施政目標及策略
    GoalsAndStrategies,
    /// 參、年度重要施政計畫與預算配合對照表
    BudgetTable,
}

impl Section {
    pub fn heading(self) -> &'static str {
        match self {
            Section::VisionAndMissions => "壹、願景及任務",
            Section::GoalsAndStrategies => "貳、年度施政目標及策略",
            Section::BudgetTable => "參、年度重要施政計畫與預算配合對照表",
        }
    }
    pub fn label_en(self) -> &'static str {
        match self {
            Section::VisionAndMissions => "vision and missions",
            Section::GoalsAndStrategies => "goals and strategies",
            Section::BudgetTable => "programme and budget table",
        }
    }
}

/// What is amiss with an amount: a programme's budget or one of its funding notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AmountOf {
    Budget,
    FundingNote,
}

/// The unit of a table's amounts, as the readers report it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnitName {
    /// 元 (NT$)
    Yuan,
    /// 千元 (NT$ thousand)
    Thousand,
}

impl UnitName {
    pub fn zh(self) -> &'static str {
        match self {
            UnitName::Yuan => "元",
            UnitName::Thousand => "千元",
        }
    }
}

/// Why a table's unit was assumed rather than read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnitEvidence {
    /// The header or title says so (`本年度預算數(元)`, `單位：新臺幣千元`).
    Stated,
    /// Neither says; the amounts' size suggests it (the median leaf amount is given).
    Magnitude { median: Money },
    /// Neither says and the amounts do not tell: the default.
    Default,
    /// The kind of table defines it (the civic-tech CSV of the central budget counts in 元).
    Convention,
    /// A line's 說明 states its amount in 千元 (the source line given), which tells how the
    /// amount cells are written.
    Explained { line: u32 },
    /// Read in 千元, the lines would add up to `total` 千元, more than ten times Taiwan's
    /// whole central government budget: they can only be 元.
    Implausible { total: Money },
    /// The evidence points both ways (a stated 千元 with an impossible total, or lines in
    /// the millions that are not whole thousands): both readings, in 千元, for the reader
    /// to choose between. Nothing is kept until they do.
    Split { as_thousand: Money, as_yuan: Money },
}

/// What a run of a PDF's pages is ([`Finding::PdfPages`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PagesAre {
    /// The budget table the reader read (its heading: 歲出機關別預算表, 歲出預算表).
    Read(String),
    /// A part of a budget book the reader knows by its heading but does not read.
    Known(String),
    /// No heading the reader knows: the page's first line.
    Headed(String),
    /// No text.
    Blank,
}

impl PagesAre {
    /// An English gloss of a heading [`PagesAre::Read`] or [`PagesAre::Known`] names.
    pub fn gloss(heading: &str) -> Option<&'static str> {
        Some(match heading {
            "預算總說明" | "總說明" => "budget overview",
            "預算案說明" => "notes on the budget proposal",
            "目錄" | "目次" => "contents",
            "歲出機關別預算表" => "spending by agency",
            "歲出預算表" => "spending table",
            "歲入來源別預算表" => "revenue by source",
            "歲入預算表" => "revenue table",
            "歲出計畫提要及分支計畫概況表" | "歲出計畫提要" => "programme summaries",
            "各項費用彙計表" => "expenses by object",
            "歲出用途別科目分析表" | "歲出預算用途別科目分析表" => "spending by object",
            "人事費分析表" => "personnel cost analysis",
            "預算員額明細表" => "staff numbers",
            "歲入歲出簡明比較分析表" => "revenue and spending compared",
            "補助及捐助經費明細表" => "grants and subsidies",
            "歲入項目說明提要表" => "revenue items explained",
            "歲出一級用途別科目分析表" => "spending by object, first level",
            "資本支出分析表" => "capital spending",
            "人事費彙計表" => "personnel costs",
            "公務車輛明細表" => "official vehicles",
            "現有辦公房舍明細表" => "office premises",
            "補助經費分析表" => "grants",
            "捐助經費分析表" => "donations",
            "委辦經費分析表" => "commissioned work",
            "派員出國計畫預算總表" | "派員出國計畫預算類別表" => "official travel abroad",
            "派員赴大陸計畫預算類別表" => "official travel to mainland China",
            "歲出按職能及經濟性綜合分類表" => "spending by function and economic type",
            "跨年期計畫概況表" => "multi-year projects",
            "媒體政策及業務宣導費彙計表" => "media and publicity",
            "單位預算" => "cover",
            _ => return None,
        })
    }
}

/// One kind of finding, with what it concerns. `code()` is its stable name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Finding {
    // Input as a whole
    /// Not UTF-8 and no other encoding fits (byte offset of the first bad byte).
    NotUtf8 {
        byte: usize,
    },
    /// Decoded from another encoding than UTF-8 (`Big5`, `UTF-16LE`, …).
    Decoded {
        encoding: String,
    },
    Empty,
    /// Control or undecodable characters: not text.
    BinaryInput {
        bad: usize,
    },
    BadJson {
        detail: String,
    },
    BadBundle {
        detail: String,
    },
    BadCsv {
        detail: String,
    },
    BadSpreadsheet {
        detail: String,
    },
    TooManyColumns {
        count: usize,
        max: usize,
    },
    TooManyRows {
        max: usize,
    },
    /// A spreadsheet with no sheet that has a header and rows.
    NoSheet,

    // PDF
    /// Larger than the reader takes (bytes, limit).
    PdfTooLarge {
        bytes: usize,
        max: usize,
    },
    /// Given to the PDF reader but not a PDF (no `%PDF-` at its start).
    NotPdf,
    /// Needs a password to open.
    PdfEncrypted,
    /// Broken (truncated, damaged); what the PDF library said.
    BadPdf {
        detail: String,
    },
    /// A bound on objects, nesting, stream size or pages was reached; which one.
    PdfTooComplex {
        detail: String,
    },
    /// No page has text (a scan): `images` images on `pages` pages.
    PdfNoText {
        pages: usize,
        images: usize,
    },
    /// A page's glyphs in `font` cannot be decoded to characters (a font the reader does
    /// not know how to map, or refused as hostile: `reason`); none of them is read, and
    /// with `page_skipped` none of the page is (its other text would be read out of order).
    PdfUndecodableFont {
        font: String,
        glyphs: usize,
        reason: String,
        page_skipped: bool,
    },
    /// Text, but no table header row (計畫名稱 … 經費) on any page, nor goals without one.
    PdfNoTable {
        pages: usize,
        lines: usize,
        goals: usize,
    },
    /// Pages `first`–`last` of a PDF and what they are, told by their headings (a unit
    /// budget book's 預算總說明, 目錄, 歲入 tables …, or the 歲出預算表 that is read).
    PdfPages {
        first: u32,
        last: u32,
        are: PagesAre,
    },

    // Plan text: outline
    NoTitle,
    NoYear,
    MissingSection {
        section: Section,
    },
    NoVision,
    NoMissions,
    NoGoals,
    NoStrategies {
        goal: u32,
    },
    OrphanStrategy,
    DuplicateMission {
        mission: u32,
    },
    DuplicateStrategy {
        goal: u32,
        strategy: u32,
    },
    GoalOutOfOrder {
        goal: u32,
        after: u32,
    },
    /// A document with goals (or key points) but no budget table: read as a partial plan.
    NoBudgetTable {
        goals: usize,
    },
    /// The table's columns arrive one after another (all names, then all items, then all
    /// budgets), as plain PDF-to-text gives them: rows cannot be rebuilt from such text.
    ColumnOrder {
        names: usize,
        amounts: usize,
    },

    // Plan text: the table
    StrayText,
    NoBudget {
        programme: u32,
        name: String,
    },
    BudgetNotANumber {
        programme: Option<u32>,
        column: Option<String>,
        written: String,
    },
    NegativeBudget {
        programme: u32,
    },
    NoteNotANumber {
        written: String,
    },
    NoteWithoutSource {
        written: String,
    },
    NoteWithoutAmount {
        written: String,
    },
    /// A source no alias list knows: kept under its own name, kind guessed from the name.
    UnrecognisedSource {
        name: String,
        special_fund: bool,
    },
    /// The stated 合計/總計 differs from the sum of the programmes (the sum is used).
    TotalMismatch {
        stated: Money,
        sum: Money,
    },

    // Validation (every way in)
    NoProgrammes,
    DuplicateProgramme {
        programme: u32,
    },
    NumberingGap {
        programme: u32,
        after: u32,
    },
    NoName {
        programme: u32,
    },
    NoItems {
        programme: u32,
        name: String,
    },
    AmountTooLarge {
        programme: Option<u32>,
        of: AmountOf,
        written: String,
    },
    NoteNotPositive {
        programme: u32,
        source: String,
    },
    NotesExceedBudget {
        programme: u32,
        name: String,
        noted: Money,
        budget: Money,
    },
    TotalOverflow,

    // Budget tables (CSV, spreadsheets)
    NoAmountColumn,
    NoRows,
    UnnamedRow {
        called: String,
    },
    NoClassification {
        name: String,
    },
    DuplicateClassification {
        name: String,
        path: String,
        first_line: u32,
    },
    NegativeAmount {
        name: String,
    },
    NoAmount {
        name: String,
    },
    ParentSumMismatch {
        name: String,
        path: String,
        stated: Money,
        sum: Money,
    },
    BadProgrammeNumber {
        written: String,
    },
    BadFundingNote {
        written: String,
    },
    FundingColumnsDisagree {
        column: String,
        stated: Money,
        derived: Money,
    },
    /// The unit of the amounts was not stated; what was assumed and why.
    UnitAssumed {
        unit: UnitName,
        evidence: UnitEvidence,
    },
    /// Rows above the header (a title line) were skipped.
    TitleSkipped {
        title: String,
    },
    /// The table prints this year's budget only as 經常門 and 資本門: it is their sum.
    ThisYearFromParts,
    /// A figure beside the budget (last year's, the actual, the change) is not a number.
    FigureNotANumber {
        column: String,
        written: String,
    },
    /// The stated change (本年度與上年度比較) is not this year minus last year.
    ChangeMismatch {
        name: String,
        stated: Money,
        this_year: Money,
        last_year: Money,
        /// This year minus last year.
        computed: Money,
    },
    /// A cross-tabulation (functions × agencies, with a 合計 row and column): its cells
    /// are not lines of one tree, and summing it would count every figure twice.
    CrossTab {
        columns: usize,
    },
}

impl Finding {
    /// The stable, machine-readable name (`budget-not-a-number`), printed by the CLI.
    pub fn code(&self) -> &'static str {
        use Finding::*;
        match self {
            NotUtf8 { .. } => "not-utf8",
            Decoded { .. } => "decoded",
            Empty => "empty",
            BinaryInput { .. } => "binary-input",
            BadJson { .. } => "bad-json",
            BadBundle { .. } => "bad-bundle",
            BadCsv { .. } => "bad-csv",
            BadSpreadsheet { .. } => "bad-spreadsheet",
            TooManyColumns { .. } => "too-many-columns",
            TooManyRows { .. } => "too-many-rows",
            NoSheet => "no-sheet",
            PdfTooLarge { .. } => "pdf-too-large",
            NotPdf => "not-pdf",
            PdfEncrypted => "pdf-encrypted",
            BadPdf { .. } => "bad-pdf",
            PdfTooComplex { .. } => "pdf-too-complex",
            PdfNoText { .. } => "pdf-no-text",
            PdfNoTable { .. } => "pdf-no-table",
            PdfPages { .. } => "pdf-pages",
            PdfUndecodableFont { .. } => "pdf-undecodable-font",
            NoTitle => "no-title",
            NoYear => "no-year",
            MissingSection { .. } => "missing-section",
            NoVision => "no-vision",
            NoMissions => "no-missions",
            NoGoals => "no-goals",
            NoStrategies { .. } => "no-strategies",
            OrphanStrategy => "orphan-strategy",
            DuplicateMission { .. } | DuplicateStrategy { .. } | DuplicateProgramme { .. } => "duplicate-number",
            GoalOutOfOrder { .. } => "numbering-gap",
            NoBudgetTable { .. } => "no-budget-table",
            ColumnOrder { .. } => "column-order",
            StrayText => "stray-text",
            NoBudget { .. } => "no-budget",
            BudgetNotANumber { .. } => "budget-not-a-number",
            NegativeBudget { .. } => "negative-budget",
            NoteNotANumber { .. } | BadFundingNote { .. } => "note-not-a-number",
            NoteWithoutSource { .. } => "note-without-source",
            NoteWithoutAmount { .. } => "note-without-amount",
            UnrecognisedSource { .. } => "unrecognised-source",
            TotalMismatch { .. } => "total-mismatch",
            NoProgrammes => "no-programmes",
            NumberingGap { .. } => "numbering-gap",
            NoName { .. } | UnnamedRow { .. } => "no-name",
            NoItems { .. } => "no-items",
            AmountTooLarge { .. } => "amount-too-large",
            NoteNotPositive { .. } => "note-not-positive",
            NotesExceedBudget { .. } => "notes-exceed-budget",
            TotalOverflow => "total-overflow",
            NoAmountColumn => "no-amount-column",
            NoRows => "empty",
            NoClassification { .. } => "no-classification",
            DuplicateClassification { .. } => "duplicate-classification",
            NegativeAmount { .. } => "negative-amount",
            NoAmount { .. } => "no-amount",
            ParentSumMismatch { .. } => "parent-sum-mismatch",
            BadProgrammeNumber { .. } => "bad-number",
            FundingColumnsDisagree { .. } => "funding-columns-disagree",
            UnitAssumed { evidence: UnitEvidence::Split { .. }, .. } => "unit-ambiguous",
            UnitAssumed { .. } => "unit-assumed",
            FigureNotANumber { .. } => "figure-not-a-number",
            ChangeMismatch { .. } => "change-mismatch",
            CrossTab { .. } => "cross-tab",
            TitleSkipped { .. } => "title-skipped",
            ThisYearFromParts => "this-year-from-parts",
        }
    }
}

/// The English sentence (the CLI's wording; the web crate has its own in both languages).
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Finding::*;
        let of_programme = |p: &Option<u32>| p.map(|n| format!(" of programme {n}")).unwrap_or_default();
        match self {
            NotUtf8 { byte } => write!(f, "the file is not text in UTF-8, UTF-16 or Big5 (byte {byte}); save it as UTF-8"),
            Decoded { encoding } => write!(f, "the file was read as {encoding}"),
            Empty => write!(f, "the file is empty: there is nothing to read"),
            BinaryInput { bad } => write!(f, "this does not look like plan text: {bad} control or undecodable characters"),
            BadJson { detail } => write!(f, "not a valid plan JSON: {detail}"),
            BadBundle { detail } => write!(f, "not a valid backup file: {detail}"),
            BadCsv { detail } => write!(f, "the CSV cannot be read: {detail}"),
            BadSpreadsheet { detail } => write!(f, "the spreadsheet cannot be read: {detail}"),
            TooManyColumns { count, max } => write!(f, "this row has {count} columns; at most {max} are read"),
            TooManyRows { max } => write!(f, "the table has more than {max} rows"),
            NoSheet => write!(f, "no sheet of this spreadsheet has a header row and rows under it"),
            PdfTooLarge { bytes, max } => write!(f, "the PDF is {} MB; at most {} MB are read", bytes.div_ceil(1 << 20), max / (1 << 20)),
            NotPdf => write!(f, "this is not a PDF: it does not start with %PDF-"),
            PdfEncrypted => write!(f, "the PDF is locked with a password; open it in a PDF reader, save an unlocked copy and import that"),
            BadPdf { detail } => write!(f, "the PDF is damaged or incomplete and cannot be read ({detail}); download it again"),
            PdfTooComplex { detail } => write!(f, "the PDF is too complex to read safely ({detail})"),
            PdfNoText { pages, images: 0 } => write!(f, "the PDF's {pages} pages have no text to read (no text layer); if it is a scan, run text recognition (OCR) on it first"),
            PdfNoText { pages, images } => write!(
                f,
                "the PDF's {pages} pages have no text, only {images} images: it is a scan; run text recognition (OCR) on it first and import the result"
            ),
            PdfUndecodableFont { font, glyphs, reason, page_skipped: true } => {
                write!(f, "this page's text cannot be decoded: {glyphs} characters in the font {font} ({reason}); the page is not read")
            }
            PdfUndecodableFont { font, glyphs, reason, page_skipped: false } => {
                write!(f, "{glyphs} characters in the font {font} cannot be decoded ({reason}) and are left out")
            }
            PdfNoTable { pages, lines, goals } => write!(
                f,
                "found {pages} pages with {lines} lines of text and {goals} goals, but no table with a header row 計畫名稱 | 實施內容 | 經費(千元) | 備註"
            ),
            PdfPages { first, last, are } => {
                let pages = if first == last { format!("page {first}") } else { format!("pages {first}–{last}") };
                let named = |h: &str| PagesAre::gloss(h).map_or_else(|| h.to_string(), |g| format!("{h} ({g})"));
                match are {
                    PagesAre::Read(h) => write!(f, "{pages}: {}, read as the budget table", named(h)),
                    PagesAre::Known(h) => write!(f, "{pages}: {}, not a table this reader reads; left out", named(h)),
                    PagesAre::Headed(t) => write!(f, "{pages}: headed `{t}`, not a table this reader knows; left out"),
                    PagesAre::Blank => write!(f, "{pages}: no text"),
                }
            }
            NoTitle => write!(f, "the first line is not a title like `勞動局 111年度施政計畫`"),
            NoYear => write!(f, "the title names no ROC year (e.g. 111年度)"),
            MissingSection { section } => write!(f, "section {} ({}) was not found", section.heading(), section.label_en()),
            NoVision => write!(f, "section 壹 has no 一、願景 line"),
            NoMissions => write!(f, "section 壹 lists no missions (二、任務 with (一)…)"),
            NoGoals => write!(f, "section 貳 lists no goals (一、…)"),
            NoStrategies { goal } => write!(f, "goal {goal} has no strategies"),
            OrphanStrategy => write!(f, "a strategy appears before any goal"),
            DuplicateMission { mission } => write!(f, "mission ({mission}) appears twice"),
            DuplicateStrategy { goal, strategy } => write!(f, "strategy ({strategy}) appears twice in goal {goal}"),
            GoalOutOfOrder { goal, after } => write!(f, "goal {goal} follows goal {after}"),
            NoBudgetTable { goals } => write!(f, "no budget table was found: the document is read as {goals} goals without money"),
            ColumnOrder { names, amounts } => write!(
                f,
                "the table's columns come one after another ({names} programme names, then the items, then {amounts} amounts), as plain PDF-to-text gives them; rows cannot be rebuilt from this text: import the PDF itself"
            ),
            StrayText => write!(f, "text before the first programme of the table was ignored"),
            NoBudget { programme, name } => write!(f, "programme {programme} ({name}) has no budget figure"),
            BudgetNotANumber { programme, column, written } => match column {
                Some(c) => write!(f, "column {c}: `{written}` is not a number"),
                None => write!(f, "the budget{} is not a number: `{written}`", of_programme(programme)),
            },
            NegativeBudget { programme } => write!(f, "programme {programme} has a negative budget"),
            NoteNotANumber { written } => write!(f, "the funding amount on this line is not a number: `{written}`"),
            NoteWithoutSource { written } => write!(f, "an amount ({written}) without a source name; it was not counted as a funding note"),
            NoteWithoutAmount { written } => write!(f, "the note `{written}` names no amount; it was ignored"),
            UnrecognisedSource { name, special_fund } => write!(
                f,
                "unrecognised source `{name}`: kept under its own name as {}",
                if *special_fund { "a special fund" } else { "a central subsidy" }
            ),
            TotalMismatch { stated, sum } => write!(
                f,
                "the table states a total of {} 千元 but its lines add up to {} 千元; the sum is shown",
                stated.fmt_thousands(),
                sum.fmt_thousands()
            ),
            NoProgrammes => write!(f, "the plan has no programmes"),
            DuplicateProgramme { programme } => write!(f, "programme number {programme} is used twice"),
            NumberingGap { programme, after } => write!(f, "programme {programme} follows programme {after}"),
            NoName { programme } => write!(f, "programme {programme} has no name"),
            NoItems { programme, name } => write!(f, "programme {programme} ({name}) lists no implementation items"),
            AmountTooLarge { programme: p, of, written } => write!(
                f,
                "the {}{} ({written}) is larger than any budget can be (10^18 千元); it was set to 0",
                match of {
                    AmountOf::Budget => "amount",
                    AmountOf::FundingNote => "funding note",
                },
                of_programme(p)
            ),
            NoteNotPositive { programme, source } => write!(f, "the note `{source}` of programme {programme} is not a positive amount"),
            NotesExceedBudget { programme, name, noted, budget } => write!(
                f,
                "the funding notes of programme {programme} ({name}) add up to {} 千元, more than its budget of {} 千元",
                noted.fmt_thousands(),
                budget.fmt_thousands()
            ),
            TotalOverflow => write!(f, "the budgets are too large to add up exactly"),
            NoAmountColumn => write!(f, "no column is chosen as the amount"),
            NoRows => write!(f, "the table has no rows"),
            UnnamedRow { called } => write!(f, "this row has no name; it is called `{called}`"),
            NoClassification { name } => write!(f, "`{name}` has no classification; it is counted as a line of its own"),
            DuplicateClassification { name, path, first_line } => write!(f, "`{name}` repeats the classification {path} of line {first_line}"),
            NegativeAmount { name } => write!(f, "`{name}` has a negative amount"),
            NoAmount { name } => write!(f, "`{name}` has no amount; it counts as 0"),
            ParentSumMismatch { name, path, stated, sum } => write!(
                f,
                "`{name}` ({path}) states {} 千元 but the lines under it add up to {} 千元",
                stated.fmt_thousands(),
                sum.fmt_thousands()
            ),
            BadProgrammeNumber { written } => write!(f, "column number: `{written}` is not a programme number"),
            BadFundingNote { written } => write!(f, "column funding_notes: `{written}` is not `SOURCE AMOUNT`"),
            FundingColumnsDisagree { column, stated, derived } => write!(
                f,
                "column {column}: {} 千元, but the funding notes give {} 千元",
                stated.fmt_thousands(),
                derived.fmt_thousands()
            ),
            UnitAssumed { unit, evidence } => match evidence {
                UnitEvidence::Stated => write!(f, "amounts are read in {} as the table says", unit.zh()),
                UnitEvidence::Magnitude { median } => write!(
                    f,
                    "the table does not say its unit; amounts are read in {} because a typical line is {} (switch the unit if that is wrong)",
                    unit.zh(),
                    median.fmt_thousands()
                ),
                UnitEvidence::Default => write!(f, "the table does not say its unit; amounts are read in {} (switch the unit if that is wrong)", unit.zh()),
                UnitEvidence::Convention => write!(f, "amounts are read in {}, the unit of this kind of table (year,code,amount,name,…)", unit.zh()),
                UnitEvidence::Explained { line } => {
                    write!(f, "amounts are read in {}: the explanation on line {line} states that line's amount in 千元", unit.zh())
                }
                UnitEvidence::Implausible { total } => write!(
                    f,
                    "amounts are read in {}: in 千元 the lines would add up to {} 千元, more than ten times the whole central government budget",
                    unit.zh(),
                    total.fmt_thousands()
                ),
                UnitEvidence::Split { as_thousand, as_yuan } => write!(
                    f,
                    "the unit is unclear: read in 千元 the total is {} 千元, read in 元 it is {} 千元; choose the unit (--unit yuan|thousand) before keeping it",
                    as_thousand.fmt_thousands(),
                    as_yuan.fmt_thousands()
                ),
            },
            TitleSkipped { title } => write!(f, "the line above the header (`{title}`) was read as the title"),
            ThisYearFromParts => write!(f, "the table has no total for this year: each line's budget is its 經常門 (recurrent) plus its 資本門 (capital)"),
            FigureNotANumber { column, written } => write!(f, "column {column}: `{written}` is not a number; the figure is left out"),
            ChangeMismatch { name, stated, this_year, last_year, computed } => write!(
                f,
                "`{name}` states a change of {} 千元, but this year's {} minus last year's {} is {} 千元",
                stated.fmt_thousands(),
                this_year.fmt_thousands(),
                last_year.fmt_thousands(),
                computed.fmt_thousands()
            ),
            CrossTab { columns } => write!(
                f,
                "this is a cross-tabulation ({columns} columns of amounts and a 合計 column, such as functions × agencies): its figures are not one tree of lines and are not read; import the table by agency or by function instead"
            ),
        }
    }
}

/// One finding, tied to the place it concerns: the 1-based line (and page, in a PDF).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub line: Option<u32>,
    pub page: Option<u32>,
    pub finding: Finding,
}

impl Diagnostic {
    pub fn new(severity: Severity, line: Option<u32>, finding: Finding) -> Self {
        Diagnostic { severity, line, page: None, finding }
    }
    pub fn error(line: Option<u32>, finding: Finding) -> Self {
        Self::new(Severity::Error, line, finding)
    }
    pub fn warning(line: Option<u32>, finding: Finding) -> Self {
        Self::new(Severity::Warning, line, finding)
    }
    pub fn info(line: Option<u32>, finding: Finding) -> Self {
        Self::new(Severity::Info, line, finding)
    }
    pub fn code(&self) -> &'static str {
        self.finding.code()
    }
    /// The English sentence.
    pub fn message(&self) -> String {
        self.finding.to_string()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.severity.as_str())?;
        if let Some(p) = self.page {
            write!(f, "page {p}: ")?;
        }
        if let Some(l) = self.line {
            write!(f, "line {l}: ")?;
        }
        write!(f, "{} [{}]", self.finding, self.code())
    }
}

pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

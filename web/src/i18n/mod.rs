//! UI language. zh-TW is the default; English is one click away and remembered.
//! UI strings are translated where they are used (`lang.pick(zh, en)`); names from the
//! document stay Chinese, with English glosses from the plan's companion file.

pub mod findings;
pub mod scenario;

use plan_core::Money;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
    pub fn html_code(self) -> &'static str {
        self.pick("zh-Hant-TW", "en")
    }
    pub fn storage_code(self) -> &'static str {
        self.pick("zh", "en")
    }
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    /// A money amount as readers of this language expect it.
    pub fn money(self, m: Money) -> String {
        match self {
            Lang::Zh => format!("{} 千元", m.fmt_thousands()),
            Lang::En => format!("{} (NT$ thousand)", m.fmt_thousands()),
        }
    }
    /// A signed change: `+41,464 千元` / `−58,536 (NT$ thousand)`.
    pub fn money_change(self, m: Money) -> String {
        match self {
            Lang::Zh => format!("{} 千元", m.fmt_change()),
            Lang::En => format!("{} (NT$ thousand)", m.fmt_change()),
        }
    }
    /// The short reading: 5.07 億元 / NT$507.0 million.
    pub fn money_short(self, m: Money) -> String {
        match self {
            Lang::Zh => m.fmt_chinese(),
            Lang::En => m.fmt_million(),
        }
    }
    pub fn kind(self, k: plan_core::FundingKind) -> &'static str {
        match self {
            Lang::Zh => k.label_zh(),
            Lang::En => k.label_en(),
        }
    }
    /// `目標一` / `Goal 1`.
    pub fn goal_label(self, n: u32) -> String {
        match self {
            Lang::Zh => format!("目標{}", plan_core::text::to_chinese_numeral(n)),
            Lang::En => format!("Goal {n}"),
        }
    }
    /// `策略 1.2` / `Strategy 1.2`.
    pub fn strategy_label(self, id: plan_core::StrategyId) -> String {
        match self {
            Lang::Zh => format!("策略 {id}"),
            Lang::En => format!("Strategy {id}"),
        }
    }
    /// `就業服務：258,536 千元，50.99%` / `…: 258,536 (NT$ thousand), 50.99%` — the accessible
    /// name of a chart element.
    pub fn figure(self, name: &str, m: Money, share: Option<rust_decimal::Decimal>) -> String {
        let share = share.map(|s| format!("{}{s}%", self.pick("，", ", "))).unwrap_or_default();
        format!("{name}{}{}{share}", self.pick("：", ": "), self.money(m))
    }

    pub fn programme_label(self, n: u32) -> String {
        match self {
            Lang::Zh => format!("計畫{}", plan_core::text::to_chinese_numeral(n)),
            Lang::En => format!("Programme {n}"),
        }
    }
}

/// A message in both languages, worded once and shown until something replaces it (why a
/// file was refused): the page shows it in the language the reader has now, switched or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    zh: String,
    en: String,
}

impl Said {
    pub fn new(say: impl Fn(Lang) -> String) -> Said {
        Said { zh: say(Lang::Zh), en: say(Lang::En) }
    }

    pub fn pick(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh.clone(),
            Lang::En => self.en.clone(),
        }
    }
}

/// Bytes as megabytes with one decimal (`12.3 MB`), in integers: float formatting costs
/// 12 KB of wasm.
pub fn megabytes(bytes: u64) -> String {
    let tenths = bytes * 10 / 1_048_576;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

//! The what-if page's messages in the reader's language: zh-TW here, English from
//! `plan-core`'s sentences, built from the same typed fields.

use super::Lang;
use plan_core::scenario::{UrlError, UrlProblem, Warning};

pub fn warning(lang: Lang, w: &Warning) -> String {
    if lang == Lang::En {
        return w.to_string();
    }
    match w {
        Warning::NotInPlan { programme } => format!("這份計畫沒有計畫 {programme}，它的金額未採用。"),
        Warning::NotABudget { programme, amount } => format!("計畫 {programme}：{} 千元不是可能的預算，未採用。", amount.fmt_thousands()),
        Warning::CutClamped { asked, used } => format!("中央補助款不可能減少 {asked}%，改以 {used}% 計算。"),
        Warning::NothingAbsorbs { moved } => format!("每一項計畫都已設定，沒有計畫可以吸收變動：總額變動 {} 千元。", moved.fmt_thousands()),
        Warning::OthersTooSmall { available, unmet } => {
            format!("其他計畫只有 {} 千元，增加的部分有 {} 千元無法從它們移來：總額因此增加這麼多。", available.fmt_thousands(), unmet.fmt_thousands())
        }
        Warning::Rounded { moved } => format!("小於 1 元的金額已四捨五入：總額變動 {} 千元。", moved.fmt_thousands()),
    }
}

pub fn url_error(lang: Lang, e: &UrlError) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    use UrlProblem::*;
    let what = match &e.problem {
        TooLong { len, max } => format!("試算有 {len} 個字元，最多只讀 {max} 個"),
        TooManyFields { count, max } => format!("試算有 {count} 個欄位，最多只讀 {max} 個"),
        BadEscape { written, at } => format!("第 {at} 個字元的「{written}」不是百分比編碼字元"),
        NotUtf8 => "解碼後不是有效的 UTF-8 文字".into(),
        UnknownVersion { version } => format!("不認得版本 {version}（本站讀 v1；這個連結可能來自較新的版本）"),
        NoVersion => "應為版本「v1」".into(),
        KeepTwice => "「k」（維持總額）出現兩次".into(),
        CutTwice => "中央補助款減幅出現兩次".into(),
        NotAPercentage { written } => format!("「{written}」不是百分比"),
        CutOutOfRange { written } => format!("中央補助款減少 {written}% 超出 0–100"),
        NotAProgrammeNumber { written } => format!("「{written}」不是計畫編號"),
        ProgrammeNotInPlan { programme } => format!("這份計畫沒有計畫 {programme}"),
        ProgrammeTwice { programme } => format!("計畫 {programme} 出現兩次"),
        Negative { written } => format!("「{written}」是負數，預算不可能是負的"),
        NotAnAmount { written } => format!("「{written}」不是以千元計的金額"),
        TooFine { written, max_dp } => format!("「{written}」比 1 元還細（千元最多 {max_dp} 位小數）"),
        TooLarge { written } => format!("「{written}」千元大得不可能是預算"),
        EmptyField { field } => format!("第 {field} 個欄位是空的（連續兩個「~」？）"),
        UnknownField => "不是本站認得的欄位（cN 中央補助款減幅、k 維持總額、編號_金額 某計畫的預算）".into(),
    };
    match &e.field {
        Some((n, text)) => format!("第 {n} 個欄位（「{text}」）：{what}。"),
        None => format!("{what}。"),
    }
}

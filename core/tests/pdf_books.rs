//! Unit budget books (單位預算書) as PDFs: the 歲出機關別預算表 / 歲出預算表 pages found among
//! the book's others and read into the budget-books model, the other pages reported for what
//! they are. Fixtures in `fixtures/pdf/books/` (made by `make_book_fixtures.py`, figures
//! added up by hand in its README).

use plan_core::diagnostic::{Finding, PagesAre};
use plan_core::pdf::{read_pdf, PdfRead};
use plan_core::{Money, Severity};
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/books")
}

fn read(name: &str) -> PdfRead {
    read_pdf(&std::fs::read(dir().join(format!("{name}.pdf"))).unwrap(), &format!("{name}.pdf"))
}

fn expected(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir().join(format!("{name}.expected.json"))).unwrap()).unwrap()
}

fn money(v: &Value) -> Money {
    Money::new(v.as_str().unwrap().parse::<Decimal>().unwrap())
}

#[test]
fn debug_dump() {
    for name in ["book-thousand", "book-yuan"] {
        let r = read(name);
        for d in &r.parsed.diagnostics {
            println!("{name}: {:?} p{:?} l{:?} {}", d.severity, d.page, d.line, d.finding);
        }
        for g in &r.parsed.plan.groups {
            println!("G {} {} {:?}", g.name, g.budget, g.facts);
        }
        for p in &r.parsed.plan.programmes {
            println!("P {} {} {:?} {:?}", p.name, p.budget, p.book, p.span);
        }
        println!("{}", r.parsed.plan.title);
    }
}

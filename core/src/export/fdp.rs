//! A Fiscal Data Package (frictionlessdata.io/specs/fiscal-data-package): a
//! `datapackage.json` describing one CSV of funding lines, with a model that says the
//! amount is a proposed expenditure in TWD and which columns are dimensions.

use super::csv::funding_lines_csv;
use super::{slug, ExportFile};
use crate::book::DocumentKind;
use crate::money::Money;
use crate::plan::Plan;
use serde_json::json;

pub fn fiscal_data_package(plan: &Plan) -> Vec<ExportFile> {
    let gregorian = plan.year + 1911;
    let field = |name: &str, ty: &str, title: &str| json!({ "name": name, "type": ty, "title": title });
    let descriptor = json!({
        "name": slug(plan).to_lowercase(),
        "title": plan.title,
        "profile": "fiscal-data-package",
        "countryCode": "TW",
        "fiscalPeriod": { "start": format!("{gregorian}-01-01"), "end": format!("{gregorian}-12-31") },
        "resources": [{
            "name": "funding-lines",
            "path": "funding-lines.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "profile": "tabular-data-resource",
            "schema": {
                "fields": [
                    field("programme_number", "integer", "計畫編號"),
                    field("programme_name", "string", "計畫名稱"),
                    field("source", "string", "經費來源"),
                    field("kind", "string", "經費類別"),
                    field("amount_thousand_twd", "number", "經費(千元)"),
                    field("amount_twd", "number", "經費(元)"),
                ],
                "primaryKey": ["programme_number", "source"]
            }
        }],
        "model": {
            "measures": {
                "amount": { "source": "amount_twd", "currency": "TWD", "factor": 1, "direction": "expenditure", "phase": "proposed" }
            },
            "dimensions": {
                "programme": {
                    "dimensionType": "activity",
                    "primaryKey": ["programme_number"],
                    "attributes": {
                        "programme_number": { "source": "programme_number" },
                        "programme_name": { "source": "programme_name", "labelfor": "programme_number" }
                    }
                },
                "funding_source": {
                    "dimensionType": "classification",
                    "primaryKey": ["source"],
                    "attributes": {
                        "source": { "source": "source" },
                        "kind": { "source": "kind", "parent": "source" }
                    }
                }
            }
        }
    });
    if plan.kind.is_plan() {
        return vec![
            ExportFile { name: "datapackage.json".into(), contents: serde_json::to_string_pretty(&descriptor).expect("json") },
            ExportFile { name: "funding-lines.csv".into(), contents: funding_lines_csv(plan) },
        ];
    }
    book_package(plan, descriptor)
}

/// A budget book: its leaf lines (counted once) with every series as a measure, and the
/// tree above each as a classification dimension of one column per level.
fn book_package(plan: &Plan, mut d: serde_json::Value) -> Vec<ExportFile> {
    let depth = plan.lines_per_level().len().max(1);
    let levels: Vec<String> = (1..depth).map(|i| format!("level_{i}")).collect();
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let header: Vec<String> = ["code", "name"]
        .into_iter()
        .map(String::from)
        .chain(levels.iter().cloned())
        .chain(["amount_twd", "last_year_twd", "actual_twd"].map(String::from))
        .collect();
    w.write_record(&header).expect("in-memory write");
    let yuan = |m: Option<Money>| m.map(|m| (m.0 * rust_decimal::Decimal::from(1000)).normalize().to_string()).unwrap_or_default();
    for p in &plan.programmes {
        let path = plan.path_of(p);
        let facts = p.book.as_deref();
        let mut row = vec![facts.and_then(|f| f.code.clone()).unwrap_or_default(), p.name.clone()];
        row.extend((0..levels.len()).map(|i| path.get(i).map(|s| s.to_string()).unwrap_or_default()));
        row.extend([yuan(Some(p.budget)), yuan(facts.and_then(|f| f.last_year)), yuan(facts.and_then(|f| f.actual))]);
        w.write_record(&row).expect("in-memory write");
    }
    let csv = String::from_utf8(w.into_inner().expect("in-memory")).expect("utf-8");
    let direction = if plan.kind == DocumentKind::Revenue { "revenue" } else { "expenditure" };
    let mut fields = vec![json!({ "name": "code", "type": "string", "title": "科目編號" }), json!({ "name": "name", "type": "string", "title": "科目名稱" })];
    fields.extend(levels.iter().map(|l| json!({ "name": l, "type": "string" })));
    fields.extend([
        json!({ "name": "amount_twd", "type": "number", "title": "本年度預算數(元)" }),
        json!({ "name": "last_year_twd", "type": "number", "title": "上年度預算數(元)" }),
        json!({ "name": "actual_twd", "type": "number", "title": "前年度決算數(元)" }),
    ]);
    let mut attributes = serde_json::Map::new();
    for (i, l) in levels.iter().enumerate() {
        let mut a = json!({ "source": l });
        if i > 0 {
            a["parent"] = json!(levels[i - 1]);
        }
        attributes.insert(l.clone(), a);
    }
    attributes.insert("name".into(), json!({ "source": "name" }));
    attributes.insert("code".into(), json!({ "source": "code" }));
    d["resources"] = json!([{
        "name": "budget-lines", "path": "budget-lines.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "profile": "tabular-data-resource", "schema": { "fields": fields }
    }]);
    d["model"] = json!({
        "measures": {
            "amount": { "source": "amount_twd", "currency": "TWD", "factor": 1, "direction": direction, "phase": "proposed" },
            "last_year": { "source": "last_year_twd", "currency": "TWD", "factor": 1, "direction": direction, "phase": "approved" },
            "actual": { "source": "actual_twd", "currency": "TWD", "factor": 1, "direction": direction, "phase": "executed" }
        },
        "dimensions": { "line": { "dimensionType": "classification", "primaryKey": ["code", "name"], "attributes": attributes } }
    });
    vec![
        ExportFile { name: "datapackage.json".into(), contents: serde_json::to_string_pretty(&d).expect("json") },
        ExportFile { name: "budget-lines.csv".into(), contents: csv },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptor_names_its_resource_and_measure() {
        let plan = crate::parser::parse(crate::SEED_PLAN_TEXT).plan;
        let files = fiscal_data_package(&plan);
        let d: serde_json::Value = serde_json::from_str(&files[0].contents).unwrap();
        assert_eq!(d["profile"], "fiscal-data-package");
        assert_eq!(d["fiscalPeriod"]["start"], "2022-01-01");
        assert_eq!(d["resources"][0]["path"], files[1].name.as_str());
        assert_eq!(d["model"]["measures"]["amount"]["currency"], "TWD");
        let fields: Vec<&str> = d["resources"][0]["schema"]["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
        let header = files[1].contents.lines().next().unwrap();
        assert_eq!(header, fields.join(","));
    }
}

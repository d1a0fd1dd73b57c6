//! A Fiscal Data Package (frictionlessdata.io/specs/fiscal-data-package): a
//! `datapackage.json` describing one CSV of funding lines, with a model that says the
//! amount is a proposed expenditure in TWD and which columns are dimensions.

use super::csv::funding_lines_csv;
use super::{slug, ExportFile};
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
    vec![
        ExportFile { name: "datapackage.json".into(), contents: serde_json::to_string_pretty(&descriptor).expect("json") },
        ExportFile { name: "funding-lines.csv".into(), contents: funding_lines_csv(plan) },
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

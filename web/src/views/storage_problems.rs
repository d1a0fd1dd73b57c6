//! The notice at the top of every page when something stored could not be read: what,
//! why, that it was kept, and what the user can do (download it; start that entry afresh).

use crate::download::text_file;
use crate::state::use_ui;
use crate::store::use_store;
use leptos::prelude::*;

#[component]
pub fn StorageProblems() -> impl IntoView {
    let store = use_store();
    let lang = use_ui().lang;
    let failure = RwSignal::new(None::<crate::store::StoreError>);
    move || {
        let problems = store.problems.get();
        let lang = lang.get();
        (!problems.is_empty()).then(|| view! {
            <section class="storage-problems" role="alert" data-testid="storage-problems">
                <h2>{lang.pick("有儲存的資料無法讀取", "Some stored data could not be read")}</h2>
                <p>{lang.pick(
                    "這些項目原封不動地保留著（另有一份備份），本站不會覆蓋它們。你可以下載它們，或決定捨棄並重新開始。",
                    "These entries are kept exactly as they were (with a copy set aside); the site will not overwrite them. You can download them, or discard them and start afresh.",
                )}</p>
                <ul>
                    {problems.into_iter().map(|p| {
                        let (k1, k2) = (p.key.clone(), p.key.clone());
                        view! {
                            <li>
                                <code>{p.key.clone()}</code>"："<span>{p.reason}</span>" "
                                <button type="button" on:click=move |_| {
                                    if let Some(text) = store.damaged_text(&k1) {
                                        text_file(&format!("{k1}.json"), "application/json", &text);
                                    }
                                }>{lang.pick("下載", "Download")}</button>
                                <button type="button" on:click=move |_| failure.set(store.discard_damaged(&k2).err())>
                                    {lang.pick("捨棄並重新開始", "Discard and start afresh")}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {move || failure.get().map(|e| view! { <p class="diag error">{e.message(lang)}</p> })}
            </section>
        })
    }
}

//! All the user's notes, bookmarks and link corrections on the plan in view, each linking
//! to where it belongs; the corrections download as a curated link file (the CSV
//! `plan --links FILE` reads), everything as a backup bundle.

use crate::components::downloads::{bundle_of, stem};
use crate::download::text_file;
use crate::i18n::Lang;
use crate::routes::{Address, Page};
use crate::state::{use_data, use_ui, Data};
use crate::store::use_store;
use leptos::prelude::*;
use leptos_router::components::A;
use plan_core::annotations::{Note, Target};

#[component]
pub fn NotesPage() -> impl IntoView {
    let data = use_data();
    let ui = use_ui();
    let store = use_store();
    move || {
        let lang = ui.lang.get();
        let user = store.user_data(&data.id);
        let (notes, links) = match &user {
            Ok(u) => (u.annotations.notes.clone(), u.annotations.curated()),
            Err(_) => Default::default(),
        };
        let items = notes
            .iter()
            .filter_map(|(key, note)| {
                let target = key.parse::<Target>().ok()?;
                Some(view! { <NoteItem lang=lang data=data.clone() target=target note=note.clone()/> })
            })
            .collect_view();
        let links_text = links.as_ref().map(|l| l.to_text());
        let (d1, d2) = (data.clone(), data.clone());
        view! {
            <section class="page notes">
                <h1>{lang.pick("我的筆記與書籤", "My notes and bookmarks")}</h1>
                <p class="lede">{match lang {
                    Lang::Zh => format!("「{}」的筆記、書籤與連結修正，只存在這個瀏覽器裡。", data.name),
                    Lang::En => format!("Notes, bookmarks and link corrections on “{}”, stored only in this browser.", data.name),
                }}</p>
                {user.err().map(|e| view! { <p class="diag error">{e}</p> })}
                {if notes.is_empty() {
                    view! { <p data-testid="no-notes">{lang.pick("還沒有筆記。在計畫頁或目標頁可以加筆記和書籤。", "No notes yet. Add notes and bookmarks on a programme's or the goals page.")}</p> }.into_any()
                } else {
                    view! { <ul class="note-list" data-testid="note-list">{items}</ul> }.into_any()
                }}
                <h2>{lang.pick("連結修正", "Link corrections")}</h2>
                {match links_text {
                    Some(text) => {
                        let shown = text.clone();
                        view! {
                            <pre data-testid="links-file">{shown}</pre>
                            <button type="button" on:click=move |_| text_file(&format!("{}-links.csv", stem(&d1)), "text/csv", &text)>
                                {lang.pick("下載連結檔（CSV）", "Download the link file (CSV)")}
                            </button>
                        }.into_any()
                    }
                    None => view! { <p>{lang.pick("沒有修正：所有連結都是推論的。", "No corrections: every link is inferred.")}</p> }.into_any(),
                }}
                <p>
                    <button type="button" on:click=move |_| text_file(&format!("{}-with-notes.json", stem(&d2)), "application/json", &bundle_of(&d2).to_json())>
                        {lang.pick("下載備份（計畫＋筆記）", "Download a backup (plan + notes)")}
                    </button>
                </p>
            </section>
        }
    }
}

#[component]
fn NoteItem(lang: Lang, data: Data, target: Target, note: Note) -> impl IntoView {
    let plan = &data.plan;
    let (what, path) = match &target {
        Target::Programme { number } => (plan.programme(*number).map(|p| p.name.clone()).unwrap_or_default(), Address::programme(*number)),
        Target::Goal { number } => (
            format!("{} {}", lang.goal_label(*number), plan.goals.iter().find(|g| g.number == *number).map(|g| g.name.clone()).unwrap_or_default()),
            Address::here(Page::Goals),
        ),
        Target::Strategy { id } => {
            (format!("{} {}", lang.strategy_label(*id), plan.strategy(*id).map(|(_, s)| s.name.clone()).unwrap_or_default()), Address::here(Page::Goals))
        }
    };
    view! {
        <li>
            {note.bookmarked.then(|| view! { <span class="badge">{lang.pick("★ 書籤", "★ bookmark")}</span>" " })}
            <A href=path.href()>{what}</A>
            <p class="note-text">{note.text}</p>
        </li>
    }
}

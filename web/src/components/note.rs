//! The user's note and bookmark on one programme, goal or strategy, shown where it belongs.
//! Saved to local storage on demand; a failure says why and keeps the text in the box.

use crate::components::disclosure::follow_open;
use crate::i18n::Lang;
use crate::state::use_data;
use crate::store::{now_iso, use_store, StoreError};
use leptos::prelude::*;
use plan_core::annotations::{Note, Target};

/// The plan's notes, read once per change for every editor on the page.
#[derive(Clone, Copy)]
pub struct Notes(pub Memo<std::collections::BTreeMap<String, Note>>);

/// Provided by the plan scope.
pub fn provide_notes(plan_id: String) {
    let store = use_store();
    provide_context(Notes(Memo::new(move |_| store.user_data(&plan_id).map(|d| d.annotations.notes).unwrap_or_default())));
}

fn use_notes() -> Notes {
    expect_context::<Notes>()
}

/// The first line of a note, for the line it is shown on before it is opened.
fn preview(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    Some(crate::components::names::truncate(line, 41))
}

#[derive(Clone, PartialEq)]
enum Saved {
    Yes,
    Failed(StoreError),
}

#[component]
pub fn NoteEditor(lang: Lang, target: Target, #[prop(into)] about: String) -> impl IntoView {
    let store = use_store();
    let plan_id = use_data().id.to_string();
    let key = target.key();
    let notes = use_notes();
    let k = key.clone();
    let stored = Memo::new(move |_| notes.0.with(|n| n.get(&k).cloned()));
    let draft = RwSignal::new(stored.get_untracked().map(|n| n.text).unwrap_or_default());
    let saved = RwSignal::new(None::<Saved>);
    // Another tab's edit shows here unless this box holds unsaved typing.
    let dirty = RwSignal::new(false);
    Effect::new(move |_| {
        let text = stored.get().map(|n| n.text).unwrap_or_default();
        if !dirty.get_untracked() {
            draft.set(text);
        }
    });
    // `set_note` drops a note left empty and unbookmarked.
    let write = move |change: Box<dyn FnOnce(&mut Note)>| {
        let (pid, target) = (plan_id.clone(), target.clone());
        let write = store.update_user_data(pid, move |d| {
            let mut note = d.annotations.note(&target).cloned().unwrap_or_default();
            change(&mut note);
            note.updated = now_iso();
            d.annotations.set_note(&target, note);
        });
        leptos::task::spawn_local(async move {
            let result = write.await;
            saved.set(Some(match result {
                Ok(()) => Saved::Yes,
                Err(e) => Saved::Failed(e),
            }));
        });
    };
    let write_text = write.clone();
    let id = format!("note-{}", key.replace('.', "-"));
    // The editor is built only when opened: the goal tree has one per goal and strategy.
    let open = RwSignal::new(false);
    view! {
        <details class="note" data-testid="note" on:toggle=follow_open(open)>
            <summary>
                {move || match stored.get() {
                    Some(n) => format!(
                        "{}{}",
                        if n.bookmarked { lang.pick("★ 已加書籤 ", "★ Bookmarked ") } else { "" },
                        preview(&n.text).map(|t| format!("{}{t}", lang.pick("📝 我的筆記：", "📝 My note: "))).unwrap_or_default(),
                    ),
                    None => lang.pick("＋ 加筆記或書籤", "+ Add a note or bookmark").to_string(),
                }}
            </summary>
            {move || open.get().then(|| { let (id, write, write_text) = (id.clone(), write.clone(), write_text.clone()); view! {
            <label for=id.clone()>{format!("{} {about}", lang.pick("筆記：", "Note on"))}</label>
            <textarea id=id rows="3" maxlength="10000" prop:value=move || draft.get() on:input=move |ev| { dirty.set(true); draft.set(event_target_value(&ev)) }></textarea>
            <div class="note-actions">
                <button type="button" on:click=move |_| {
                    let text = draft.get_untracked();
                    dirty.set(false);
                    write_text(Box::new(move |n| n.text = text))
                }>{lang.pick("儲存筆記", "Save note")}</button>
                <button type="button" aria-pressed=move || stored.get().is_some_and(|n| n.bookmarked).to_string() on:click=move |_| {
                    write(Box::new(|n| n.bookmarked = !n.bookmarked))
                }>{lang.pick("書籤", "Bookmark")}</button>
                <span role="status">{move || saved.get().map(|s| match s {
                    Saved::Yes => view! { <span>{lang.pick("已儲存", "Saved")}</span> }.into_any(),
                    Saved::Failed(e) => view! { <span class="diag error">{e.message(lang)}</span> }.into_any(),
                })}</span>
            </div>
            }})}
        </details>
    }
}

//! My plans: the bundled plan and every imported one, with rename, delete (to a bin, with
//! undo), restore, and a backup file of each plan with the user's notes.

use crate::components::downloads::bundle_of;
use crate::download::text_file;
use crate::i18n::Lang;
use crate::routes::{Address, Page};
use crate::state::{use_ui, Data};
use crate::store::library::Entry;
use crate::store::{use_store, StoreError};
use leptos::prelude::*;

#[component]
pub fn LibraryPage() -> impl IntoView {
    let store = use_store();
    let lang = use_ui().lang;
    // The last action's outcome: a deletion to undo, or a failure to explain.
    let status = RwSignal::new(None::<Status>);
    move || {
        let lang = lang.get();
        let bundled = Data::bundled(None);
        let listing = match store.plans() {
            Err(reason) => view! { <p class="diag error" data-testid="library-error">{reason}</p> }.into_any(),
            Ok(plans) => {
                let (live, binned): (Vec<Entry>, Vec<Entry>) = plans.into_iter().partition(|p| !p.deleted);
                view! {
                    <table class="library" data-testid="library">
                        <caption>{lang.pick("儲存在這個瀏覽器中的計畫", "Plans stored in this browser")}</caption>
                        <thead><tr>
                            <th scope="col">{lang.pick("名稱", "Name")}</th>
                            <th scope="col" class="num">{lang.pick("計畫數", "Programmes")}</th>
                            <th scope="col" class="num">{lang.pick("總預算（千元）", "Total (NT$ thousand)")}</th>
                            <th scope="col">{lang.pick("加入時間", "Added")}</th>
                            <th scope="col">{lang.pick("動作", "Actions")}</th>
                        </tr></thead>
                        <tbody>
                            <tr data-testid="library-bundled">
                                <th scope="row"><a href=Address::bundled(Page::Overview).href()>{bundled.name.to_string()}</a>" "<span class="badge">{lang.pick("內建", "bundled")}</span></th>
                                <td class="num">{bundled.plan.programmes.len()}</td>
                                <td class="num">{bundled.summary.total.fmt_thousands()}</td>
                                <td>"—"</td>
                                <td>{lang.pick("內建計畫無法刪除", "The bundled plan cannot be deleted")}</td>
                            </tr>
                            {live.into_iter().map(|e| view! { <Row entry=e lang=lang status=status/> }).collect_view()}
                        </tbody>
                    </table>
                    <Bin binned=binned lang=lang status=status/>
                }
                .into_any()
            }
        };
        view! {
            <section class="page library-page">
                <h1>{lang.pick("我的計畫", "My plans")}</h1>
                <p class="lede">{lang.pick(
                    "匯入的計畫、筆記與試算只存在這個瀏覽器裡，不會上傳。換電腦前請用「備份」下載。",
                    "Imported plans, notes and scenarios live only in this browser and are never uploaded. Download a backup before you switch computers.",
                )}</p>
                <p><a href=Page::Import.href()>{lang.pick("匯入計畫 →", "Import a plan →")}</a></p>
                <p role="status" data-testid="library-status">{move || status.get().map(|s| s.view(lang, store))}</p>
                {listing}
            </section>
        }
    }
}

#[derive(Clone)]
enum Status {
    Deleted { id: String, name: String },
    Failed(StoreError),
    Done(&'static str, &'static str),
}

impl Status {
    fn view(self, lang: Lang, store: crate::store::Store) -> AnyView {
        match self {
            Status::Deleted { id, name } => view! {
                <span>{match lang { Lang::Zh => format!("已將「{name}」移到回收區。"), Lang::En => format!("Moved “{name}” to the bin.") }}</span>
                " "
                <button type="button" data-testid="undo" on:click=move |_| { let _ = store.set_deleted(&id, false); }>{lang.pick("復原", "Undo")}</button>
            }
            .into_any(),
            Status::Failed(e) => view! { <span class="diag error">{e.message(lang)}</span> }.into_any(),
            Status::Done(zh, en) => view! { <span>{lang.pick(zh, en)}</span> }.into_any(),
        }
    }
}

fn report(status: RwSignal<Option<Status>>, result: Result<(), StoreError>, ok: Status) {
    status.set(Some(match result {
        Ok(()) => ok,
        Err(e) => Status::Failed(e),
    }));
}

#[component]
fn Row(entry: Entry, lang: Lang, status: RwSignal<Option<Status>>) -> impl IntoView {
    let store = use_store();
    let Entry { id, name, added, programmes, total, .. } = entry;
    let draft = RwSignal::new(name.clone());
    let input_id = format!("rename-{id}");
    let (id_rename, id_delete, id_backup) = (id.clone(), id.clone(), id.clone());
    let name_delete = name.clone();
    view! {
        <tr data-testid="library-row">
            <th scope="row"><a href=Address::of_plan(&id, Page::Overview).href()>{name.clone()}</a></th>
            <td class="num">{programmes}</td>
            <td class="num">{total.fmt_thousands()}</td>
            <td><time datetime=added.clone()>{added.get(..10).unwrap_or_default().to_string()}</time></td>
            <td class="actions">
                <label class="visually-hidden" for=input_id.clone()>{lang.pick("新名稱", "New name")}</label>
                <input id=input_id type="text" maxlength="200" prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))/>
                <button type="button" on:click=move |_| {
                    let name = draft.get_untracked();
                    if !name.trim().is_empty() {
                        report(status, store.rename_plan(&id_rename, &name), Status::Done("已重新命名。", "Renamed."));
                    }
                }>{lang.pick("重新命名", "Rename")}</button>
                <button type="button" on:click=move |_| {
                    if let Some(data) = load(&id_backup) {
                        text_file(&format!("{}-with-notes.json", crate::components::downloads::stem(&data)), "application/json", &bundle_of(&data).to_json());
                    }
                }>{lang.pick("備份", "Backup")}</button>
                <button type="button" class="danger" on:click=move |_| {
                    let ok = Status::Deleted { id: id_delete.clone(), name: name_delete.clone() };
                    report(status, store.set_deleted(&id_delete, true), ok);
                }>{lang.pick("刪除", "Delete")}</button>
            </td>
        </tr>
    }
}

fn load(id: &str) -> Option<Data> {
    Data::stored(id, None).ok()
}

/// Deleted plans, still stored until the bin is emptied.
#[component]
fn Bin(binned: Vec<Entry>, lang: Lang, status: RwSignal<Option<Status>>) -> impl IntoView {
    let store = use_store();
    (!binned.is_empty()).then(|| view! {
        <section class="bin" data-testid="bin">
            <h2>{lang.pick("回收區", "Bin")}</h2>
            <ul>
                {binned.into_iter().map(|e| {
                    let id = e.id.clone();
                    view! {
                        <li>{e.name}" "<button type="button" on:click=move |_| report(status, store.set_deleted(&id, false), Status::Done("已還原。", "Restored."))>{lang.pick("還原", "Restore")}</button></li>
                    }
                }).collect_view()}
            </ul>
            <button type="button" class="danger" on:click=move |_| report(status, store.empty_bin(), Status::Done("回收區已清空。", "The bin is empty."))>
                {lang.pick("永久刪除回收區中的計畫", "Delete the plans in the bin for good")}
            </button>
        </section>
    })
}

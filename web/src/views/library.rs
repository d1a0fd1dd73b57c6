//! My plans: the bundled plan and every imported one, found by title, agency or year, with
//! rename, delete (to a bin, with undo), restore, a backup file of each plan with the
//! user's notes and one of the whole library; and how much of the browser's storage the
//! library uses ([`Storage`]).

use crate::codec::files::bundle;
use crate::download::text_file;
use crate::i18n::Lang;
use crate::routes::{Address, Page};
use crate::state::{use_ui, Data};
use crate::store::documents::Shelf;
use crate::store::library::Entry;
use crate::store::{use_store, StoreError};
use leptos::prelude::*;

#[component]
pub fn LibraryPage() -> impl IntoView {
    let store = use_store();
    let lang = use_ui().lang;
    // The last action's outcome: a deletion to undo, or a failure to explain.
    let status = RwSignal::new(None::<Status>);
    let search = RwSignal::new(String::new());
    // Every document opens on its overview: its code is fetched while the reader looks.
    if store.plans().is_ok_and(|p| p.iter().any(|e| !e.deleted)) {
        crate::pages::prefetch_when_idle(Page::Overview);
    }
    move || {
        let lang = lang.get();
        let bundled = Data::bundled(None);
        let listing = match store.plans() {
            Err(reason) => view! { <p class="diag error" data-testid="library-error">{reason}</p> }.into_any(),
            Ok(plans) => {
                let (live, binned): (Vec<Entry>, Vec<Entry>) = plans.into_iter().partition(|p| !p.deleted);
                let kept = live.len();
                let live = move || {
                    let needle = search.get();
                    live.iter().filter(|e| matches(e, &needle)).cloned().map(|e| view! { <Row entry=e lang=lang status=status/> }).collect_view()
                };
                view! {
                    <table class="library" data-testid="library">
                        <caption>{lang.pick("儲存在這個瀏覽器中的計畫", "Plans stored in this browser")}</caption>
                        <thead><tr>
                            <th scope="col">{lang.pick("名稱", "Name")}</th>
                            <th scope="col">{lang.pick("機關", "Agency")}</th>
                            <th scope="col" class="num">{lang.pick("年度", "Year")}</th>
                            <th scope="col" class="num">{lang.pick("計畫數", "Programmes")}</th>
                            <th scope="col" class="num">{lang.pick("總預算（千元）", "Total (NT$ thousand)")}</th>
                            <th scope="col">{lang.pick("加入時間", "Added")}</th>
                            <th scope="col">{lang.pick("動作", "Actions")}</th>
                        </tr></thead>
                        <tbody>
                            <tr data-testid="library-bundled">
                                <th scope="row"><a href=Address::bundled(Page::Overview).href()>{bundled.name.to_string()}</a>" "<span class="badge">{lang.pick("內建", "bundled")}</span></th>
                                <td>{bundled.plan.agency.clone()}</td>
                                <td class="num">{bundled.plan.year}</td>
                                <td class="num">{bundled.plan.programmes.len()}</td>
                                <td class="num">{bundled.summary.total.fmt_thousands()}</td>
                                <td>"—"</td>
                                <td>{lang.pick("內建計畫無法刪除", "The bundled plan cannot be deleted")}</td>
                            </tr>
                            {live}
                        </tbody>
                    </table>
                    <Bin binned=binned lang=lang status=status/>
                    <WholeLibrary kept=kept lang=lang status=status/>
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
                <Storage lang=lang/>
                <p class="search">
                    <label for="library-search">{lang.pick("搜尋名稱、機關或年度", "Search by name, agency or year")}</label>" "
                    <input id="library-search" type="search" data-testid="library-search" prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
                </p>
                <p role="status" data-testid="library-status">{move || status.get().map(|s| s.view(lang, store))}</p>
                {listing}
            </section>
        }
    }
}

#[derive(Clone)]
enum Status {
    Deleted {
        id: String,
        name: String,
    },
    Failed(StoreError),
    /// A stored document that could not be read, and why.
    Unreadable(String),
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
            Status::Unreadable(reason) => view! { <span class="diag error">{reason}</span> }.into_any(),
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
    let Entry { id, name, added, programmes, total, agency, year, .. } = entry;
    let draft = RwSignal::new(name.clone());
    let input_id = format!("rename-{id}");
    let (id_rename, id_delete, id_backup) = (id.clone(), id.clone(), id.clone());
    let name_delete = name.clone();
    view! {
        <tr data-testid="library-row">
            <th scope="row"><a href=Address::of_plan(&id, Page::Overview).href()>{name.clone()}</a></th>
            <td>{agency}</td>
            <td class="num">{(year > 0).then_some(year)}</td>
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
                    let id = id_backup.clone();
                    // Read now, in the page's scope: the backup carries the notes stored at the click.
                    let user = store.user_data(&id).unwrap_or_default();
                    leptos::task::spawn_local(async move {
                        match crate::store::documents::read(&id).await.and_then(|s| Data::stored(&id, &s, None)) {
                            Ok(data) => text_file(&format!("{}-with-notes.json", crate::components::downloads::stem(&data)), "application/json", &bundle(&data, user).to_json()),
                            Err(reason) => status.set(Some(Status::Unreadable(reason))),
                        }
                    });
                }>{lang.pick("備份", "Backup")}</button>
                <button type="button" class="danger" on:click=move |_| {
                    let ok = Status::Deleted { id: id_delete.clone(), name: name_delete.clone() };
                    report(status, store.set_deleted(&id_delete, true), ok);
                }>{lang.pick("刪除", "Delete")}</button>
            </td>
        </tr>
    }
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
            <button type="button" class="danger" on:click=move |_| leptos::task::spawn_local(async move { report(status, store.empty_bin().await, Status::Done("回收區已清空。", "The bin is empty.")) })>
                {lang.pick("永久刪除回收區中的計畫", "Delete the plans in the bin for good")}
            </button>
        </section>
    })
}

/// Whether an entry is one the reader searches for: every word of the search in its name,
/// agency or year (ROC or western: 111 or 2022).
fn matches(entry: &Entry, search: &str) -> bool {
    let year = if entry.year > 0 { format!("{} {}", entry.year, entry.year + 1911) } else { String::new() };
    let haystack = format!("{} {} {year}", entry.name, entry.agency).to_lowercase();
    search.split_whitespace().all(|w| haystack.contains(&w.to_lowercase()))
}

/// Where the library is kept and how much room it has: the browser's estimate of what the
/// site uses and may use, whether it agreed to keep the data when space runs low, and —
/// in a browser without a database — that documents are in the small local storage.
#[component]
fn Storage(lang: Lang) -> impl IntoView {
    let store = use_store();
    // Measured again after every change to the library.
    let facts = LocalResource::new(move || {
        store.revision.track();
        async move {
            crate::store::documents::settle().await;
            (crate::store::documents::estimate().await, crate::store::documents::persisted().await)
        }
    });
    // Known once the facts are in (`settle` decides it).
    let shelf = move || match facts.get().and(crate::store::documents::shelf()) {
        Some(Shelf::Local(why)) => Some(view! {
            <p class="diag warning" data-testid="storage-fallback">
                {lang.pick(
                    "這個瀏覽器沒有提供資料庫（IndexedDB，可能是私密模式），文件改存在容量小得多的本機儲存空間（約 5 MB），大約只放得下幾份預算書。",
                    "This browser offers no database (IndexedDB; private mode?), so documents are kept in the much smaller local storage (about 5 MB), room for only a few budget books.",
                )}
                " (" {why} ")"
            </p>
        }),
        _ => None,
    };
    view! {
        <div class="storage" data-testid="storage">
            {move || facts.get().map(|(estimate, persisted)| {
                let used = estimate.map(|(usage, quota)| match lang {
                    Lang::Zh => format!("已使用 {}，瀏覽器允許本站使用 {}。", crate::i18n::megabytes(usage), crate::i18n::megabytes(quota)),
                    Lang::En => format!("{} used of the {} this browser allows the site.", crate::i18n::megabytes(usage), crate::i18n::megabytes(quota)),
                });
                let kept = match (persisted, lang) {
                    (Some(true), _) => lang.pick("瀏覽器已同意保留這些資料，空間不足時不會自動清除。", "The browser agreed to keep this data: it will not clear it when space runs low."),
                    (Some(false), _) => lang.pick("瀏覽器尚未同意保留這些資料：空間不足時可能清除。請定期下載整個資料庫的備份。", "The browser has not agreed to keep this data: it may clear it when space runs low. Download a backup of the whole library now and then."),
                    (None, _) => "",
                };
                view! { <p data-testid="storage-usage">{used}" "{kept}</p> }
            })}
            {shelf}
        </div>
    }
}

/// One file with every kept document, its notes and link corrections, and the notes on the
/// bundled plan; restored on the import page.
#[component]
fn WholeLibrary(kept: usize, lang: Lang, status: RwSignal<Option<Status>>) -> impl IntoView {
    let store = use_store();
    let backup = move |_| {
        leptos::task::spawn_local(async move {
            match store.library_backup().await {
                Ok(json) => {
                    text_file(&format!("plan-explorer-library-{}.json", crate::store::now_iso().get(..10).unwrap_or_default()), "application/json", &json)
                }
                Err(reason) => status.set(Some(Status::Unreadable(reason))),
            }
        });
    };
    view! {
        <section class="whole-library">
            <h2>{lang.pick("整個資料庫的備份", "Backup of the whole library")}</h2>
            <p>{match lang {
                Lang::Zh => format!("一個檔案包含這裡的 {kept} 份文件、每份的筆記與連結修正，以及內建計畫的筆記（回收區中的不含在內）。在「匯入」頁放入這個檔案即可還原。"),
                Lang::En => format!("One file holding the {kept} documents here, each with its notes and link corrections, and the notes on the bundled plan (not what is in the bin). Drop it on the Import page to restore it."),
            }}</p>
            <button type="button" data-testid="library-backup" on:click=backup>{lang.pick("下載整個資料庫", "Download the whole library")}</button>
        </section>
    }
}

//! The site's pages, listed once. Everything that knows an address is generated from the
//! table below: the router's routes ([`router_table`]), the page a path shows
//! ([`from_path`], which also picks the wasm chunk to fetch first) and every link
//! ([`Page::href`], [`Address::href`]).
//!
//! A plan page exists once for the bundled plan (`/treemap`) and once under each imported
//! plan's library id (`/p/<id>/treemap`); a site page (import, library, compare) only once.
//! This module imports nothing of the crate, so any view can link without a cycle.

use leptos::prelude::*;
use leptos_router::{ChooseView, MatchNestedRoutes, NestedRoute, PartialPathMatch, PathSegment, PossibleRouteMatch};
use std::borrow::Cow;

/// The wasm chunk a page's code is in. Pages that share most of their code share a chunk;
/// the reading pages people land on are alone (see `pages.rs` for the measurements).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Overview,
    Treemap,
    GoalsAndFlow,
    Programmes,
    /// What-if, notes, import, library, comparison: they come with the store's codec.
    YourData,
}

/// Whether a page shows one plan (and so exists for every plan) or belongs to the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Plan,
    Site,
}

macro_rules! pages {
    ($($(#[$doc:meta])* $page:ident = $pattern:literal, $group:ident, $scope:ident;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Page { $($(#[$doc])* $page),* }

        impl Page {
            pub const ALL: &'static [Page] = &[$(Page::$page),*];

            /// The path below the plan's root; `:n` is the programme number.
            pub const fn pattern(self) -> &'static str {
                match self { $(Page::$page => $pattern),* }
            }

            pub const fn group(self) -> Group {
                match self { $(Page::$page => Group::$group),* }
            }

            pub const fn scope(self) -> Scope {
                match self { $(Page::$page => Scope::$scope),* }
            }
        }
    };
}

pages! {
    Overview = "/", Overview, Plan;
    Treemap = "/treemap", Treemap, Plan;
    Goals = "/goals", GoalsAndFlow, Plan;
    Flow = "/flow", GoalsAndFlow, Plan;
    Programmes = "/programmes", Programmes, Plan;
    Programme = "/programme/:n", Programmes, Plan;
    /// What changed from last year, line by line (a budget book's).
    Changes = "/changes", Programmes, Plan;
    WhatIf = "/whatif", YourData, Plan;
    Notes = "/notes", YourData, Plan;
    Import = "/import", YourData, Site;
    Library = "/library", YourData, Site;
    Compare = "/compare", YourData, Site;
    Methods = "/methods", YourData, Site;
    /// The funding bar alone, for an `<iframe>`.
    EmbedFunding = "/embed/funding", Overview, Plan;
    EmbedTreemap = "/embed/treemap", Treemap, Plan;
    EmbedGoals = "/embed/goals", GoalsAndFlow, Plan;
    EmbedFlow = "/embed/flow", GoalsAndFlow, Plan;
}

impl Page {
    /// A chart alone, without the site's header and footer.
    pub fn is_embed(self) -> bool {
        self.pattern().starts_with("/embed/")
    }

    /// A link to this page of the plan in view (or of the site), with the deploy base.
    pub fn href(self) -> String {
        Address::here(self).href()
    }

    /// This page's path below the deploy base, for `navigate` (which adds the base).
    pub fn path(self) -> String {
        Address::here(self).path()
    }
}

/// A page at a place: which plan (none: the bundled one) and, on a programme's page, which
/// programme. The `n` is kept as written, so `/programme/abc` still reaches the programme
/// page, which says there is no such programme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    pub page: Page,
    pub plan: Option<String>,
    pub n: Option<String>,
}

impl Address {
    /// `page` in the plan in view.
    pub fn here(page: Page) -> Address {
        let plan = match page.scope() {
            Scope::Plan => use_context::<PlanRoot>().and_then(|r| r.0),
            Scope::Site => None,
        };
        Address { page, plan, n: None }
    }

    /// A programme's page in the plan in view.
    pub fn programme(n: u32) -> Address {
        Address { n: Some(n.to_string()), ..Address::here(Page::Programme) }
    }

    /// `page` of the bundled plan, wherever the reader is.
    pub fn bundled(page: Page) -> Address {
        Address { page, plan: None, n: None }
    }

    /// `page` of the imported plan `id`.
    pub fn of_plan(id: &str, page: Page) -> Address {
        Address { page, plan: Some(id.to_string()), n: None }
    }

    /// The path below the deploy base.
    pub fn path(&self) -> String {
        let mut out = self.plan.as_ref().map(|id| format!("/p/{id}")).unwrap_or_default();
        for seg in segments(self.page.pattern()) {
            out.push('/');
            out.push_str(if seg == ":n" { self.n.as_deref().unwrap_or_default() } else { seg });
        }
        if out.is_empty() {
            out.push('/');
        }
        out
    }

    pub fn href(&self) -> String {
        href_of(&self.path())
    }
}

/// Where a line of the document's tree leads: a programme (a book's leaf line) to its own
/// page; a group to `page` opened at it, named by `key` (`/changes?under=3`, `/treemap?at=3`).
pub fn line_path(plan: &plan_core::Plan, node: plan_core::TreeRef, page: Page, key: &str) -> String {
    match node {
        plan_core::TreeRef::Group(g) => format!("{}?{key}={g}", Address::here(page).path()),
        plan_core::TreeRef::Programme(i) => Address::programme(plan.programmes[i as usize].number).path(),
    }
}

/// A path below the deploy base (`/treemap?at=3`) as a link's `href`.
pub fn href_of(path: &str) -> String {
    format!("{}{path}", use_context::<Base>().map(|b| b.0).unwrap_or_default())
}

fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

/// The page a path below the deploy base shows, if any.
pub fn from_path(path: &str) -> Option<Address> {
    let segs: Vec<&str> = segments(path).collect();
    let (plan, rest) = match segs.as_slice() {
        ["p", id, rest @ ..] => (Some(id.to_string()), rest),
        _ => (None, &segs[..]),
    };
    Page::ALL.iter().find_map(|&page| {
        if plan.is_some() && page.scope() == Scope::Site {
            return None;
        }
        let pattern: Vec<&str> = segments(page.pattern()).collect();
        if pattern.len() != rest.len() {
            return None;
        }
        let mut n = None;
        for (want, got) in pattern.iter().zip(rest) {
            match *want {
                ":n" => n = Some(got.to_string()),
                _ if want == got => {}
                _ => return None,
            }
        }
        Some(Address { page, plan: plan.clone(), n })
    })
}

/// The path the site is served under (`/` or e.g. `/repo/`), from `<base href>`, which
/// Trunk fills in from `--public-url`. Without a trailing slash, as the router wants it.
pub fn base_path() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    let path = web_sys::Url::new(&base).map(|u| u.pathname()).unwrap_or_default();
    path.trim_end_matches('/').to_string()
}

/// The deploy base, provided once by the shell; links must carry it (the router adds it only
/// when navigating programmatically).
#[derive(Clone)]
pub struct Base(pub String);

/// The imported plan in view (`None`: the bundled plan), provided by the plan's scope, and
/// by the header from the address, since the header is outside every scope.
#[derive(Clone)]
pub struct PlanRoot(pub Option<String>);

/// One route of the router: `page`, for the bundled plan or (`in_plan`) under `/p/:id`.
#[derive(Clone, Copy, Debug)]
struct Route {
    page: Page,
    in_plan: bool,
}

impl PossibleRouteMatch for Route {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        let a = from_path(path).filter(|a| a.page == self.page && a.plan.is_some() == self.in_plan)?;
        let params = [a.plan.map(|id| ("id", id)), a.n.map(|n| ("n", n))];
        Some(PartialPathMatch::new("", params.into_iter().flatten().map(|(k, v)| (Cow::Borrowed(k), v)).collect(), path))
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        if self.in_plan {
            path.extend([PathSegment::Static("p".into()), PathSegment::Param("id".into())]);
        }
        path.extend(segments(self.page.pattern()).map(|s| match s.strip_prefix(':') {
            Some(param) => PathSegment::Param(param.to_string().into()),
            None => PathSegment::Static(s.to_string().into()),
        }));
    }
}

/// The router's routes, one per page and plan scope. `Page` is the view: it knows its chunk.
pub fn router_table() -> impl MatchNestedRoutes + Clone + Send + 'static
where
    Page: ChooseView,
{
    let routes: Vec<_> = Page::ALL
        .iter()
        .flat_map(|&page| {
            let scopes: &[bool] = if page.scope() == Scope::Plan { &[false, true] } else { &[false] };
            scopes.iter().map(move |&in_plan| NestedRoute::new(Route { page, in_plan }, page))
        })
        .collect();
    leptos::tachys::view::iterators::StaticVec::from(routes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(path: &str) -> Option<(Page, Option<String>, Option<String>)> {
        from_path(path).map(|a| (a.page, a.plan, a.n))
    }

    fn is(page: Page, plan: Option<&str>, n: Option<&str>) -> Option<(Page, Option<String>, Option<String>)> {
        Some((page, plan.map(String::from), n.map(String::from)))
    }

    #[test]
    fn paths_name_their_page_plan_and_programme() {
        assert_eq!(at("/"), is(Page::Overview, None, None));
        assert_eq!(at(""), is(Page::Overview, None, None));
        assert_eq!(at("/treemap/"), is(Page::Treemap, None, None));
        assert_eq!(at("/programme/7"), is(Page::Programme, None, Some("7")));
        assert_eq!(at("/p/abc"), is(Page::Overview, Some("abc"), None));
        assert_eq!(at("/p/abc/programme/x"), is(Page::Programme, Some("abc"), Some("x")));
        assert_eq!(at("/p/abc/embed/flow"), is(Page::EmbedFlow, Some("abc"), None));
        assert_eq!(at("/import"), is(Page::Import, None, None));
        assert_eq!(at("/p/abc/import"), None, "site pages have no plan scope");
        assert_eq!(at("/programme"), None);
        assert_eq!(at("/no-such-page"), None);
        assert_eq!(at("/embed"), None);
    }

    #[test]
    fn every_page_reads_back_from_its_own_path() {
        for &page in Page::ALL {
            let n = page.pattern().contains(":n").then(|| "12".to_string());
            let plans: &[Option<&str>] = if page.scope() == Scope::Plan { &[None, Some("x1")] } else { &[None] };
            for plan in plans {
                let a = Address { page, plan: plan.map(str::to_string), n: n.clone() };
                assert_eq!(from_path(&a.path()), Some(a.clone()), "{}", a.path());
            }
        }
    }
}

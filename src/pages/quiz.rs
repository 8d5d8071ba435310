use crate::components::{
    ExternalLink, FollowToggle, ImportPanel, ListenAction, RadioGroup, TopicLink,
};
use crate::dynamic::dynamic;
use crate::state::{data, nav, notices, NoticeKind, UrlSync};
use crate::{download, storage};
use leptos::prelude::*;
use podpath_engine::quiz::{self, Answers, Step, StoredError};
use podpath_engine::recommend::{browse_filters, recommend_following};
use podpath_engine::subscriptions::{self, Subscription};
use podpath_engine::url_state::{UrlState, View};
use podpath_engine::{opml, TopicId};

/// The quiz: one question per step, then recommendations that explain themselves.
#[component]
pub fn QuizPage() -> impl IntoView {
    let nav = nav();
    let catalog = &data().catalog;
    // A finished quiz saved on this device reopens on its results.
    if nav.get().with_untracked(|s| s.quiz.is_none()) && storage::get(storage::DONE_KEY).is_some() {
        if let Some(Ok(a)) = storage::get(storage::QUIZ_KEY)
            .map(|t| quiz::from_storage(&t, &|x| catalog.topic(x).is_some()))
        {
            nav.go(
                UrlState {
                    view: View::Quiz,
                    quiz: Some(a),
                    ..UrlState::default()
                },
                false,
            );
        }
    }
    let shown = Memo::new(move |_| nav.get().with(|s| s.quiz.clone()));
    // How many shows are followed: the results mark or unmark one at a time, each a change of
    // this number (and a theme or language change leaves it alone).
    let followed = Memo::new(move |_| nav.get().with(|s| s.follows.len()));
    move || match shown.get() {
        Some(answers) => {
            // The results leave out the shows followed: marked or unmarked, they are worked
            // out again (the steps, which change the follows too, are not redrawn).
            followed.track();
            view! { <QuizResults answers=answers /> }.into_any()
        }
        None => view! { <QuizSteps /> }.into_any(),
    }
}

/// Reads saved answers; a save from another version or a corrupt one is dropped with a notice.
/// Without storage the quiz runs from memory and the URL; only podpath's own page says so in
/// a notice (in an embed, the Save button explains it where it matters).
fn load_answers() -> Answers {
    let t = crate::i18n::t();
    let catalog = &data().catalog;
    let notices = notices();
    if !storage::available() {
        if nav().1 == UrlSync::Full {
            notices.push(NoticeKind::Storage, t.quiz_no_storage.to_owned());
        }
        return Answers::default();
    }
    match storage::get(storage::QUIZ_KEY)
        .map(|t| quiz::from_storage(&t, &|x| catalog.topic(x).is_some()))
    {
        None => Answers::default(),
        Some(Ok(a)) => a,
        Some(Err(StoredError::OtherVersion | StoredError::Corrupt)) => {
            storage::remove(storage::QUIZ_KEY);
            storage::remove(storage::DONE_KEY);
            notices.push(NoticeKind::SavedData, t.quiz_saved_reset.to_owned());
            Answers::default()
        }
    }
}

#[component]
fn QuizSteps() -> impl IntoView {
    let t = crate::i18n::t();
    let catalog = &data().catalog;
    let nav = nav();
    let answers = RwSignal::new(load_answers());
    // Resume at the first question not answered yet.
    let first_open = answers.with_untracked(Answers::resume_step);
    let step = RwSignal::new(first_open);
    // Keep answers on the device as they are given (the one side effect of this page).
    Effect::new(move |_| {
        let text = answers.with(quiz::to_storage);
        storage::set(storage::QUIZ_KEY, &text);
    });
    // Move focus to the new question so keyboard and screen-reader users follow along.
    let moved = StoredValue::new(false);
    // Looked up inside the quiz's own section: in a shadow root `document` cannot see it.
    let section = NodeRef::<leptos::html::Section>::new();
    let title_selector = format!("#{}", crate::ids::id("q-title"));
    Effect::new(move |_| {
        step.track();
        if moved.get_value() {
            if let Some(section) = section.get() {
                crate::browser::focus_in(&section, &title_selector);
            }
        }
        moved.set_value(true);
    });

    let total = Step::ALL.len();
    let heading_focus = crate::state::heading_focus();
    let finish = move || {
        storage::set(storage::DONE_KEY, "1");
        heading_focus.request();
        nav.go(
            UrlState {
                view: View::Quiz,
                quiz: Some(answers.get_untracked()),
                ..UrlState::default()
            },
            true,
        );
    };
    let next = move || {
        if step.get_untracked() + 1 >= total {
            finish();
        } else {
            step.update(|s| *s += 1);
        }
    };
    let pick = move |f: fn(&mut Answers, &str)| {
        Callback::new(move |k: &'static str| answers.update(|a| f(a, k)))
    };

    let body = move || {
        let s = Step::ALL.get(step.get()).copied().unwrap_or(Step::Topics);
        let radio = |name: &'static str,
                     q: &'static crate::i18n::Question,
                     sub: bool,
                     get: fn(&Answers) -> Option<&'static str>,
                     set: fn(&mut Answers, &str)| {
            view! { <RadioGroup name=name question=q sub=sub selected=Signal::derive(move || answers.with(get)) on_pick=pick(set) /> }
        };
        match s {
            Step::Background => radio("bg", &t.q_background, false, |a| a.background.map(quiz::Background::key), |a, k| a.background = quiz::Background::from_key(k)).into_any(),
            Step::Math => radio("math", &t.q_math, false, |a| a.math.map(quiz::Comfort::key), |a, k| a.math = quiz::Comfort::from_key(k)).into_any(),
            Step::Coding => radio("code", &t.q_coding, false, |a| a.coding.map(quiz::Comfort::key), |a, k| a.coding = quiz::Comfort::from_key(k)).into_any(),
            Step::Goal => radio("goal", &t.q_goal, false, |a| a.goal.map(quiz::Goal::key), |a, k| a.goal = quiz::Goal::from_key(k)).into_any(),
            Step::Format => radio("fmt", &t.q_format, false, |a| a.format.map(quiz::FormatPref::key), |a, k| a.format = quiz::FormatPref::from_key(k)).into_any(),
            Step::Time => view! {
                <div class="pp-quiz__time">
                    <h2 class="pp-quiz__title" id=crate::ids::id("q-title") tabindex="-1" data-pp-heading="">{t.q_time_title}</h2>
                    {radio("len", &t.q_episode, true, |a| a.episode.map(quiz::EpisodeTime::key), |a, k| a.episode = quiz::EpisodeTime::from_key(k))}
                    {radio("week", &t.q_week, true, |a| a.weekly.map(quiz::WeeklyTime::key), |a, k| a.weekly = quiz::WeeklyTime::from_key(k))}
                </div>
            }
            .into_any(),
            Step::Topics => view! {
                <fieldset class="pp-quiz__group" data-testid="q-topics">
                    <legend><h2 class="pp-quiz__title" id=crate::ids::id("q-title") tabindex="-1" data-pp-heading="">{t.q_topics_title}</h2></legend>
                    <div class="pp-options">
                        {quiz::QUIZ_TOPICS
                            .iter()
                            .filter_map(|t| catalog.topic(t))
                            .map(|t| {
                                let id = TopicId(t.id.0.clone());
                                let input_id = crate::ids::id(&format!("qt-{}", t.id));
                                let checked_id = id.clone();
                                view! {
                                    <div class="pp-option">
                                        <input
                                            type="checkbox"
                                            id=input_id.clone()
                                            prop:checked=dynamic(move || answers.with(|a| a.topics.contains(&checked_id)))
                                            on:change=move |_| answers.update(|a| {
                                                if !a.topics.remove(&id) {
                                                    a.topics.insert(id.clone());
                                                }
                                            })
                                        />
                                        <label for=input_id>{t.title.clone()}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
            }
            .into_any(),
            Step::Follows => view! { <FollowsStep /> }.into_any(),
        }
    };

    view! {
        <section class="pp-quiz" data-testid="quiz" node_ref=section aria-describedby=crate::ids::id("q-progress")>
            <p class="pp-muted">{t.quiz_intro}</p>
            <p class="pp-quiz__progress" id=crate::ids::id("q-progress") data-testid="quiz-progress">
                {dynamic(move || (t.quiz_progress)(step.get() + 1, total))}
            </p>
            <progress class="pp-progress" max=total value=dynamic(move || step.get() + 1) aria-hidden="true"></progress>
            <form class="pp-quiz__form" on:submit=move |ev| {
                ev.prevent_default();
                next();
            }>
                {body}
                <div class="pp-quiz__nav">
                    <button type="button" class="pp-button pp-button--quiet" data-testid="quiz-back"
                        disabled=dynamic(move || step.get() == 0)
                        on:click=move |_| step.update(|s| *s = s.saturating_sub(1))>
                        {t.quiz_back}
                    </button>
                    <button type="button" class="pp-button pp-button--quiet" data-testid="quiz-skip"
                        on:click=move |_| {
                            let s = Step::ALL.get(step.get_untracked()).copied();
                            if let Some(s) = s {
                                answers.update(|a| a.skip(s));
                            }
                            next();
                        }>
                        {t.quiz_skip}
                    </button>
                    <button type="submit" class="pp-button" data-testid="quiz-next">
                        {dynamic(move || if step.get() + 1 >= total { t.quiz_finish } else { t.quiz_next })}
                    </button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn QuizResults(answers: Answers) -> impl IntoView {
    let t = crate::i18n::t();
    let catalog = &data().catalog;
    let nav = nav();
    let follows: Vec<usize> = nav.get().with_untracked(|s| {
        s.follows
            .iter()
            .filter_map(|id| catalog.show_position(id.as_str()))
            .collect()
    });
    let rec = recommend_following(catalog, &answers, &follows, 5);
    let status = RwSignal::new(String::new());
    let saved_answers = quiz::to_storage(&answers);
    let share_url = nav.reader_link(&UrlState {
        view: View::Quiz,
        quiz: Some(answers.clone()),
        ..nav.get().get_untracked()
    });
    let browse_state = UrlState {
        view: View::Browse,
        filters: browse_filters(catalog, &answers, &rec),
        ..UrlState::default()
    };
    let (opml_doc, no_feed) = opml::opml(
        t.opml_picks,
        rec.picks.iter().filter_map(|p| catalog.shows.get(p.show)),
    );
    let no_feed: Vec<String> = no_feed.into_iter().map(str::to_owned).collect();

    let picks = rec.picks.iter().filter_map(|p| catalog.shows.get(p.show).map(|s| (p, s))).map(|(p, show)| {
        view! {
            <li class="pp-pick" data-testid="pick" data-show=show.id.0.clone()>
                <h3 lang=crate::i18n::catalog_lang()>{show.title.clone()}</h3>
                <p class="pp-muted">{show.hosts.join(", ")}</p>
                <p class="pp-pick__label">{t.result_why}</p>
                <ul class="pp-reasons" data-testid="reasons">
                    {p.reasons.iter().map(|r| view! { <li>{t.reason(catalog, r)}</li> }).collect_view()}
                </ul>
                {(!p.cautions.is_empty()).then(|| view! {
                    <p class="pp-pick__label">{t.result_mind}</p>
                    <ul class="pp-cautions" data-testid="cautions">
                        {p.cautions.iter().map(|c| view! { <li>{t.caution(c)}</li> }).collect_view()}
                    </ul>
                })}
                <ul class="pp-chips" aria-label=t.topics>
                    {show.topics.iter().filter_map(|t| catalog.topic(t.as_str())).map(|t| view! {
                        <li><TopicLink id=t.id.clone() label=t.title.clone() class="pp-chip" /></li>
                    }).collect_view()}
                </ul>
                <ListenAction show=show />
                <FollowToggle show=show />
            </li>
        }
    }).collect_view();
    let already = rec.already.iter().filter_map(|&i| catalog.shows.get(i)).map(|show| view! {
        <li data-show=show.id.0.clone()>
            <span lang=crate::i18n::catalog_lang()>{show.title.clone()}</span>
            " " <span class="pp-badge pp-badge--follow" data-testid="you-follow">{t.you_follow}</span>
            <FollowToggle show=show />
        </li>
    }).collect_view();

    let episodes = rec
        .episodes
        .iter()
        .map(|e| {
            let of = e.show.and_then(|i| catalog.shows.get(i));
            let show = of.map(|s| s.title.clone()).unwrap_or_default();
            let show_id = of.map(|s| s.id.0.clone()).unwrap_or_default();
            let title = e.title.clone();
            view! {
                <li data-testid="start-episode" data-show=show_id>
                    <ExternalLink href=e.url.clone()><span lang=crate::i18n::catalog_lang()>{title}</span></ExternalLink>
                    <span class="pp-muted">
                        " · " <span lang=crate::i18n::catalog_lang()>{show}</span>
                        {e.minutes.map(|m| format!(" · {}", t.minutes(m)))}
                        {e.longer_than_asked.then(|| format!(" ({})", t.result_longer))}
                    </span>
                </li>
            }
        })
        .collect_view();

    let plan = rec
        .plan
        .iter()
        .map(|w| {
            let text = if w.start_here.is_empty() {
                w.shows
                    .iter()
                    .filter_map(|(s, n)| {
                        catalog.shows.get(*s).map(|show| {
                            (t.plan_episodes_of)(&t.count(*n as usize, t.episode), &show.title)
                        })
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            } else {
                (t.plan_start_here)(
                    w.start_here.len(),
                    rec.episodes.len(),
                    &t.count(w.start_here.len(), t.start_here_episode),
                )
            };
            view! { <li><strong>{(t.plan_week)(w.week)}</strong>{text}</li> }
        })
        .collect_view();

    let can_save = storage::available();
    // Saves the answers these results come from (a shared link's too) as a finished quiz, so
    // the Quiz tab reopens these results on this device.
    let save = move |_| {
        let ok =
            storage::set(storage::QUIZ_KEY, &saved_answers) && storage::set(storage::DONE_KEY, "1");
        status.set(
            if ok {
                t.result_saved
            } else {
                t.result_not_saved
            }
            .to_owned(),
        );
    };
    let export = move |_| download::text_file("podpath-picks.opml", "text/x-opml", &opml_doc);
    let copy = move |_| {
        let url = share_url.clone();
        crate::clipboard::copy_reporting(url, status);
    };
    let heading_focus = crate::state::heading_focus();
    let retake = move |_| {
        heading_focus.request();
        storage::remove(storage::QUIZ_KEY);
        storage::remove(storage::DONE_KEY);
        nav.go(
            UrlState {
                view: View::Quiz,
                ..UrlState::default()
            },
            true,
        );
    };
    let to_browse = move |_| {
        heading_focus.request();
        nav.go(browse_state.clone(), true)
    };

    view! {
        <section class="pp-results-quiz" data-testid="quiz-results">
            <h2 tabindex="-1" id=crate::ids::id("verdict") data-pp-heading="">{t.result_level} " " {t.level(rec.verdict.level)}</h2>
            <p class="pp-verdict" data-testid="verdict">{t.verdict_why(&rec.verdict)}</p>
            <h3>{t.result_picks}</h3>
            <ol class="pp-picks">{picks}</ol>
            {(!rec.already.is_empty()).then(|| view! {
                <h3>{t.already_title}</h3>
                <ul class="pp-compact-list" data-testid="already">{already}</ul>
            })}
            <h3>{t.result_episodes}</h3>
            <ul class="pp-compact-list">{episodes}</ul>
            <h3>{t.result_plan}</h3>
            <p class="pp-muted">{(t.about_per_week)(&t.count(rec.episodes_per_week as usize, t.episode))}</p>
            <ul class="pp-plan" data-testid="plan">{plan}</ul>
            <div class="pp-actions">
                {can_save.then(|| view! {
                    <button type="button" class="pp-button" data-testid="save-picks" on:click=save>{t.result_save}</button>
                })}
                <button type="button" class="pp-button pp-button--quiet" data-testid="export-opml" on:click=export>{t.result_opml}</button>
                <button type="button" class="pp-button pp-button--quiet" data-testid="copy-link" on:click=copy>{t.result_copy}</button>
                <button type="button" class="pp-button pp-button--quiet" data-testid="to-browse" on:click=to_browse>{t.result_browse}</button>
                <button type="button" class="pp-button pp-button--quiet" data-testid="retake" on:click=retake>{t.result_retake}</button>
            </div>
            {(!can_save).then(|| view! {
                <p class="pp-muted" data-testid="save-unavailable">{t.result_save_unavailable}</p>
            })}
            <p role="status" aria-live="polite" data-testid="action-status">{dynamic(move || status.get())}</p>
            {(!no_feed.is_empty()).then(|| view! {
                <p class="pp-muted">{t.result_opml_note} " " {no_feed.join(", ")}</p>
            })}
        </section>
    }
}

/// The quiz's optional step: the shows the visitor already listens to, typed (with the
/// catalog's titles offered as they type) or imported from their podcast app.
#[component]
fn FollowsStep() -> impl IntoView {
    let t = crate::i18n::t();
    let catalog = &data().catalog;
    let nav = nav();
    let input = NodeRef::<leptos::html::Input>::new();
    let status = RwSignal::new(String::new());
    let add = move || {
        let Some(input) = input.get() else {
            return;
        };
        let name = input.value();
        let found = subscriptions::match_show(
            catalog,
            &Subscription {
                title: Some(name.clone()),
                ..Subscription::default()
            },
        );
        match found.and_then(|i| catalog.shows.get(i)) {
            Some(show) => {
                nav.set_follows(|f| f.push(show.id.clone()));
                input.set_value("");
                status.set(String::new());
            }
            None if name.trim().is_empty() => {}
            None => status.set((t.q_follows_unknown)(name.trim())),
        }
    };
    let (input_id, list_id) = (
        crate::ids::id("follows-input"),
        crate::ids::id("follows-titles"),
    );
    view! {
        <div class="pp-quiz__group" data-testid="q-follows">
            <h2 class="pp-quiz__title" id=crate::ids::id("q-title") tabindex="-1" data-pp-heading="">{t.q_follows_title}</h2>
            <p class="pp-muted">{t.q_follows_hint}</p>
            <label for=input_id.clone()>{t.q_follows_input}</label>
            <div class="pp-follows-add">
                <input id=input_id class="pp-input" list=list_id.clone() autocomplete="off" data-testid="follows-input" node_ref=input
                    on:keydown=move |ev| {
                        // Enter adds the show; it does not end the quiz.
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            add();
                        }
                    }
                />
                <button type="button" class="pp-button" data-testid="follows-add" on:click=move |_| add()>{t.q_follows_add}</button>
            </div>
            <datalist id=list_id>
                {catalog.shows.iter().map(|s| view! { <option value=s.title.clone()></option> }).collect_view()}
            </datalist>
            <p role="status" aria-live="polite" data-testid="follows-status">{dynamic(move || status.get())}</p>
            <ul class="pp-compact-list" data-testid="follows-list">
                {move || nav.get().with(|s| s.follows.iter().filter_map(|id| catalog.show(id.as_str())).map(|show| view! {
                    <li data-show=show.id.0.clone()><span lang=crate::i18n::catalog_lang()>{show.title.clone()}</span> " " <FollowToggle show=show /></li>
                }).collect_view())}
            </ul>
            <ImportPanel />
        </div>
    }
}

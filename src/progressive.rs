//! Splits the first render into short tasks. What the first screen needs renders at once; the
//! rest waits in a queue that runs one job per task, so the main thread is never blocked for
//! long while a reader's phone starts the widget (one start-up task of about 80 ms in
//! Chromium, four times that on Lighthouse's mobile CPU, became several short ones).
//!
//! Jobs run in the order they were queued and each one only adds content below what is
//! already on screen (or inside a closed panel), so nothing visible moves; a job queued with
//! `last` waits until every other job, including those queued meanwhile, has run. Of two `last`
//! jobs, the one queued later runs first: the footer, queued when the app mounts, stays last
//! after a page's own `last` part. Once the queue has emptied, start-up is over: later renders
//! answer the visitor and render whole.
//!
//! Only podpath's own page starts this way. Embedded in a blog post or an iframe, each batch
//! would push the host's text further down, so there the first render is whole (`render_whole`).

use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::time::Duration;

type Job = Box<dyn FnOnce()>;

#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    last: VecDeque<Job>,
    scheduled: bool,
}

thread_local! {
    static QUEUE: RefCell<Queue> = RefCell::default();
    static STARTUP_DONE: Cell<bool> = const { Cell::new(false) };
    static AFTER_STARTUP: RefCell<Vec<Job>> = RefCell::default();
    static PRERENDERED_ITEMS: Cell<Option<usize>> = const { Cell::new(None) };
    static HANDOVER_LIST: Cell<Option<RwSignal<usize>>> = const { Cell::new(None) };
}

/// The live app is taking over from a pre-rendered screen and needs the first `items` entries
/// of its list for that (takeover.rs): the first list `reveal` grows renders those before the
/// hand-over and the rest after it (`usize::MAX`: all of them before). A screen without such a
/// list changes nothing.
pub fn taking_over_list(items: usize) {
    PRERENDERED_ITEMS.set((items > 0).then_some(items));
}

/// Grows the list the hand-over waits for (see `taking_over_list`) to at least `items` entries
/// now, for a visitor who scrolled further meanwhile. False when it shows that many already, or
/// there is no such list.
pub fn show_at_least(items: usize) -> bool {
    HANDOVER_LIST.get().is_some_and(|shown| {
        shown
            .try_update(|s| std::mem::replace(s, (*s).max(items)) < items)
            .unwrap_or(false)
    })
}

/// The hand-over is done: later renders of lists are none of its business.
pub fn taken_over() {
    HANDOVER_LIST.set(None);
}

/// Whether podpath's own page is still in its first render: the queue has not emptied yet,
/// and `render_whole` was not called.
pub fn starting() -> bool {
    !STARTUP_DONE.get()
}

/// From now on, `Deferred` and `reveal` render at once (queued jobs still run in order).
pub fn render_whole() {
    STARTUP_DONE.set(true);
}

/// Runs `f` in a task of its own once start-up is over: after the queue has emptied
/// (podpath's own page), or after the jobs already queued (an embed, which renders whole). A
/// task later than the last job, so the renders it set off have run.
pub fn after_startup(f: impl FnOnce() + 'static) {
    if starting() {
        AFTER_STARTUP.with(|a| a.borrow_mut().push(Box::new(f)));
    } else {
        later(f);
    }
}

/// `after_startup` for the hand-over from a pre-rendered screen: it runs before every other
/// job waiting for start-up (the entries of a list beyond those the hand-over needs), whenever
/// they were queued, so the app takes over as soon as it has what the screen shows.
pub fn handover(f: impl FnOnce() + 'static) {
    if starting() {
        AFTER_STARTUP.with(|a| a.borrow_mut().insert(0, Box::new(f)));
    } else {
        later(f);
    }
}

/// Runs `f` in a task of its own, after the jobs already queued.
pub fn later(f: impl FnOnce() + 'static) {
    QUEUE.with(|q| q.borrow_mut().jobs.push_back(Box::new(f)));
    schedule();
}

/// Runs `f` in the next task, before the jobs already queued.
pub fn next(f: impl FnOnce() + 'static) {
    QUEUE.with(|q| q.borrow_mut().jobs.push_front(Box::new(f)));
    schedule();
}

/// Runs `f` in a task of its own once no other job is waiting, and before the `last` jobs
/// queued earlier.
pub fn last(f: impl FnOnce() + 'static) {
    QUEUE.with(|q| q.borrow_mut().last.push_back(Box::new(f)));
    schedule();
}

fn schedule() {
    let start = QUEUE.with(|q| !std::mem::replace(&mut q.borrow_mut().scheduled, true));
    if start {
        next_task();
    }
}

thread_local! {
    /// A message port whose messages run `run_one`: a task of its own like `setTimeout(0)`, but
    /// without the 4 ms that browsers wait before each nested timer after the fifth.
    static PORT: Option<web_sys::MessagePort> = task_port();
}

fn task_port() -> Option<web_sys::MessagePort> {
    use wasm_bindgen::{closure::Closure, JsCast};
    let channel = web_sys::MessageChannel::new().ok()?;
    let run = Closure::<dyn FnMut()>::new(run_one);
    channel
        .port1()
        .set_onmessage(Some(run.as_ref().unchecked_ref()));
    // The handler lives as long as the page, as the port does.
    run.forget();
    Some(channel.port2())
}

fn next_task() {
    let posted = PORT.with(|port| {
        port.as_ref()
            .is_some_and(|port| port.post_message(&wasm_bindgen::JsValue::UNDEFINED).is_ok())
    });
    if !posted {
        set_timeout(run_one, Duration::ZERO);
    }
}

fn run_one() {
    let (job, was_last) = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.scheduled = false;
        match q.jobs.pop_front() {
            Some(job) => (Some(job), false),
            None => (q.last.pop_back(), true),
        }
    });
    let ran = job.is_some();
    // Outside the borrow: a job may queue more.
    if let Some(job) = job {
        job();
    }
    let empty = QUEUE.with(|q| q.borrow().jobs.is_empty() && q.borrow().last.is_empty());
    if !empty || (ran && !was_last) {
        // After an ordinary job, look once more even if the queue is empty: the render it set
        // off runs in a microtask and may queue jobs of its own. A `last` job is the end.
        schedule();
    } else {
        render_whole();
        // Through the queue, a task each: the browser paints between them.
        for f in AFTER_STARTUP.with(|a| std::mem::take(&mut *a.borrow_mut())) {
            later(f);
        }
    }
}

/// The value of a `reveal` signal once the whole list shows.
pub const ALL: usize = usize::MAX;

/// During start-up, grows `shown`, the number of a list's items that render, by `step` per
/// job until all `total` show, then sets it to `ALL`; afterwards sets it to `ALL` at once.
/// When what `action` tracks changes (the visitor's filters or order), `shown` becomes `ALL`
/// too, since an answer to an action renders whole.
pub fn reveal(shown: RwSignal<usize>, total: usize, step: usize, action: impl Fn() + 'static) {
    Effect::new(move |first: Option<()>| {
        action();
        if first.is_some() {
            shown.set(ALL);
        }
    });
    let mut n = shown.get_untracked();
    if n >= total || !starting() {
        shown.set(ALL);
        return;
    }
    // Entries beyond those the hand-over needs wait for it: until then they would render unseen
    // and keep the app from answering (the pre-rendered screen shows the first ones).
    let swap_at = PRERENDERED_ITEMS.take().unwrap_or(usize::MAX);
    if swap_at != usize::MAX {
        HANDOVER_LIST.set(Some(shown));
    }
    while n < total {
        let unseen = n >= swap_at;
        n = n.saturating_add(step.max(1));
        if !unseen {
            // The hand-over comes right after the entries it needs, not after a whole batch.
            n = n.min(swap_at);
        }
        let next = if n >= total { ALL } else { n };
        // Monotonic, and a no-op once the list is gone.
        let grow = move || {
            shown.try_update(|s| *s = (*s).max(next));
        };
        if unseen {
            after_startup(grow);
        } else {
            later(grow);
        }
    }
}

/// `Some("true")` while a list is still growing: for its `aria-busy`, which tells assistive
/// technology (and the tests) to wait for the whole list.
pub fn busy(shown: RwSignal<usize>) -> impl Fn() -> Option<&'static str> + Copy {
    move || (shown.get() != ALL).then_some("true")
}

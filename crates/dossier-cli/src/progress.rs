//! Progress on stderr: stage lines and a bar for the long per-document stage, and the time
//! each stage took.
//!
//! Drawn only when stderr is a terminal (indicatif hides itself otherwise) and never in
//! `--quiet` mode, so logs and pipes stay clean.

use std::cell::RefCell;
use std::time::{Duration, Instant};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The progress display of one run.
#[derive(Debug)]
pub struct Progress {
    lines: MultiProgress,
    spinner: ProgressBar,
    /// Each stage's name and when it started, in order.
    stages: RefCell<Vec<(&'static str, Instant)>>,
}

impl Progress {
    pub fn new(quiet: bool) -> Self {
        let lines = MultiProgress::with_draw_target(if quiet {
            ProgressDrawTarget::hidden()
        } else {
            ProgressDrawTarget::stderr()
        });
        let spinner = lines.add(ProgressBar::new_spinner());
        spinner.set_style(
            ProgressStyle::with_template("{spinner} {msg} ({elapsed})").expect("valid template"),
        );
        spinner.enable_steady_tick(Duration::from_millis(120));
        Progress {
            lines,
            spinner,
            stages: RefCell::new(Vec::new()),
        }
    }

    /// Announces the stage now running (and ends the previous one).
    pub fn stage(&self, message: &'static str) {
        self.stages.borrow_mut().push((message, Instant::now()));
        self.spinner.set_message(message);
    }

    /// A bar over `total` items, shown under the stage spinner.
    pub fn bar(&self, message: &'static str, total: u64) -> ProgressBar {
        self.stage(message);
        let bar = self.lines.add(ProgressBar::new(total));
        bar.set_style(
            ProgressStyle::with_template(
                "{msg:12} [{bar:40}] {pos}/{len} documents, {per_sec}, eta {eta}",
            )
            .expect("valid template")
            .progress_chars("=> "),
        );
        bar.set_message(message);
        bar
    }

    /// Clears the display and returns how long each stage took, e.g.
    /// `reading 0.51s · annotating 5.10s · saving 0.98s`.
    pub fn finish(&self) -> String {
        self.spinner.finish_and_clear();
        let stages = self.stages.borrow();
        let ends = stages
            .iter()
            .skip(1)
            .map(|(_, start)| *start)
            .chain([Instant::now()]);
        stages
            .iter()
            .zip(ends)
            .map(|((name, start), end)| format!("{name} {:.2}s", (end - *start).as_secs_f64()))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

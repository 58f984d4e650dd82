//! Progress on stderr: stage lines and a bar for the long per-document stage.
//!
//! Drawn only when stderr is a terminal (indicatif hides itself otherwise) and never in
//! `--quiet` mode, so logs and pipes stay clean.

use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The progress display of one run.
#[derive(Debug)]
pub struct Progress {
    lines: MultiProgress,
    spinner: ProgressBar,
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
        Progress { lines, spinner }
    }

    /// Announces the stage now running.
    pub fn stage(&self, message: &'static str) {
        self.spinner.set_message(message);
    }

    /// A bar over `total` items, shown under the stage spinner.
    pub fn bar(&self, message: &'static str, total: u64) -> ProgressBar {
        self.spinner.set_message(message);
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

    pub fn finish(&self) {
        self.spinner.finish_and_clear();
    }
}

//! End-to-end tests of the `dossier` binary: one integration test binary with topic modules.

mod bad_input;
mod example;
mod gazetteer;
mod incremental;
mod metonymy;
mod seed_times;
mod seeds;
mod support;
mod timeline;

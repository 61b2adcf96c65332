#![no_main]
//! `cargo +nightly fuzz run fee_csv` (docs/fuzzing.md).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    mmis::fuzzing::fee_csv(data);
});

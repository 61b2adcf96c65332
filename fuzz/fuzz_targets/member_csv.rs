#![no_main]
//! `cargo +nightly fuzz run member_csv` (docs/fuzzing.md).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    mmis::fuzzing::member_csv(data);
});

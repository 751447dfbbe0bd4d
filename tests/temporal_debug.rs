use dateline::temporal::{DocDate, tag_timex};
#[test]
fn debug() {
    let d = DocDate::known(chrono::NaiveDate::from_ymd_opt(2000, 4, 5).unwrap());
    for s in std::fs::read_to_string("/tmp/dbg.txt").unwrap().lines() {
        let r: Vec<_> = tag_timex(s, d).into_iter().map(|e| format!("[{}|{}|{:?}]", &s[e.start..e.end], e.value, e.timex_type)).collect();
        println!("{s}\n   => {}", r.join(" "));
    }
}

//! One frame of the timeline canvas with 1,000,000 events (30 years, all types, 2,000
//! actors): layout and tessellation on the CPU, headless, at several zoom levels.
//!
//! `cargo bench --bench frame`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dateline::app::ui::timeline::{CanvasInput, canvas_ui};
use dateline::timeline::synthetic::synthetic_events;
use dateline::timeline::view::day_number;
use dateline::timeline::{EventStore, Filter, LaneMode, Lanes, TimeView};

const WIDTH: f32 = 1600.0;
const HEIGHT: f32 = 700.0;

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(WIDTH, HEIGHT),
        )),
        ..egui::RawInput::default()
    }
}

/// Runs one egui pass that draws the canvas, then tessellates it.
fn frame(
    ctx: &egui::Context,
    input: &CanvasInput<'_>,
    items: &mut Vec<dateline::timeline::Item>,
) -> usize {
    let out = ctx.run_ui(raw_input(), |ui| {
        canvas_ui(ui, input, items);
    });
    let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
    prims.len()
}

fn bench(c: &mut Criterion) {
    let store = EventStore::new(synthetic_events(1_000_000, 42));
    let filtered = store.apply(&Filter::default());
    let lanes = Lanes::build(&store, &filtered, LaneMode::Type, 16);
    let mut type_names: Vec<String> = store.types().iter().map(|t| t.0.to_owned()).collect();
    type_names.sort();
    let (lo, hi) = store.extent(&filtered).unwrap_or((0.0, 1.0));
    let mid = chrono::NaiveDate::from_ymd_opt(2010, 6, 1).map_or(lo, day_number);
    let ctx = egui::Context::default();
    let mut items = Vec::new();
    let w = f64::from(WIDTH);
    let views = [
        ("zoomed_out", TimeView::fit(lo, hi, w)),
        ("year", TimeView::fit(mid, mid + 365.0, w)),
        ("day", TimeView::fit(mid, mid + 1.0, w)),
    ];
    let mut group = c.benchmark_group("frame");
    group.sample_size(30);
    for (name, view) in views {
        let input = CanvasInput {
            store: &store,
            lanes: &lanes,
            view,
            selected: None,
            dark: false,
            type_names: &type_names,
        };
        frame(&ctx, &input, &mut items);
        group.bench_function(name, |b| {
            b.iter(|| black_box(frame(&ctx, &input, &mut items)))
        });
    }
    // Panning: every frame the view moves by 23 px, from a month-level view, and starts over
    // a year later (criterion runs many thousands of frames, which would otherwise pan far
    // past the last event and measure empty frames).
    let start = TimeView::fit(mid, mid + 90.0, w);
    let mut view = start;
    group.bench_function("panning", |b| {
        b.iter(|| {
            view = view.pan(-23.0);
            if view.left_day > start.left_day + 365.0 {
                view = start;
            }
            let input = CanvasInput {
                store: &store,
                lanes: &lanes,
                view,
                selected: None,
                dark: false,
                type_names: &type_names,
            };
            black_box(frame(&ctx, &input, &mut items))
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

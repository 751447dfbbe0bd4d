//! The timeline canvas: one interaction rectangle, level-of-detail items from
//! [`crate::timeline::lod`], hit-testing by geometry, shapes batched and added once.

use egui::{Color32, CornerRadius, FontId, Rect, Sense, Shape, Stroke, StrokeKind, pos2, vec2};

use super::{overview, palette, sorted_types, type_color};
use crate::app::{Command, DatelineApp};
use crate::extract::Status;
use crate::timeline::EventStore;
use crate::timeline::lod::{Item, ItemKind, LaneMode, Lanes, MAX_CLUSTER_PX, layout};
use crate::timeline::ticks::ticks;
use crate::timeline::view::{TimeView, date_of_day};

/// Height of the axis band at the top of the canvas.
const AXIS_H: f32 = 22.0;
const LANE_H: f32 = 36.0;
const MIN_LANE_H: f32 = 20.0;

/// What the canvas needs to draw.
pub struct CanvasInput<'a> {
    pub store: &'a EventStore,
    pub lanes: &'a Lanes,
    pub view: TimeView,
    pub selected: Option<u32>,
    pub dark: bool,
    /// The store's type names, sorted: a type's colour is its rank here.
    pub type_names: &'a [String],
}

/// What happened on the canvas this frame.
#[derive(Debug, Default)]
pub struct CanvasOutput {
    /// The view after panning or zooming, when it changed.
    pub view: Option<TimeView>,
    /// An item was clicked; `Some(None)` for a click on empty space.
    pub clicked: Option<Option<ItemKind>>,
    /// Width of the canvas in points.
    pub width: f64,
    /// Width of the widest lane label, in points from the canvas's left edge.
    pub label_width: f64,
}

/// The central panel: legend, overview strip and canvas.
pub fn timeline_panel_ui(ui: &mut egui::Ui, app: &mut DatelineApp) {
    let type_names = sorted_types(app);
    legend_ui(ui, app, &type_names);
    overview::overview_ui(ui, app);
    if app.data.store.n_dated() == 0 && !app.is_loading() {
        ui.centered_and_justified(|ui| {
            ui.weak(if app.data.store.is_empty() {
                "No events found in these articles."
            } else {
                "None of the events has a resolved date: see the Undated tab below."
            });
        });
        return;
    }
    let input = CanvasInput {
        store: &app.data.store,
        lanes: &app.data.lanes,
        view: app.ui.view,
        selected: app.ui.selected,
        dark: app.settings.dark,
        type_names: &type_names,
    };
    let mut items = Vec::new();
    let out = canvas_ui(ui, &input, &mut items);
    let resized = (out.width - app.ui.canvas_width).abs() > 0.5
        || (out.label_width - app.ui.label_width).abs() > 0.5;
    if resized {
        app.ui.canvas_width = out.width;
        app.ui.label_width = out.label_width;
        // Keep "fit all" true to the real canvas as the window, panels or lanes change.
        if app.ui.auto_fit {
            app.commands.push(Command::FitAll);
        }
    }
    if let Some(v) = out.view {
        app.commands.push(Command::SetView(v));
    }
    match out.clicked {
        Some(Some(ItemKind::Event(i))) => app.commands.push(Command::Select(Some(i))),
        Some(Some(ItemKind::Cluster {
            first_day,
            last_day,
            ..
        })) => {
            app.commands
                .push(Command::SetView(app.ui.fitted(first_day, last_day)));
        }
        Some(None) => app.commands.push(Command::Select(None)),
        None => {}
    }
}

fn legend_ui(ui: &mut egui::Ui, app: &DatelineApp, type_names: &[String]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        for (n, t) in type_names.iter().enumerate() {
            // The dot is painted in room left at the start of the name's label, so that a
            // wrap never parts them.
            let mut job = egui::text::LayoutJob::default();
            let small = egui::TextStyle::Small.resolve(ui.style());
            job.append(
                &t.replace('_', " "),
                LEGEND_DOT_ROOM,
                egui::TextFormat::simple(small, ui.visuals().text_color()),
            );
            let r = ui
                .add(egui::Label::new(job).wrap_mode(egui::TextWrapMode::Extend))
                .rect;
            let center = pos2(r.left() + LEGEND_DOT_ROOM / 2.0 - 1.0, r.center().y);
            ui.painter()
                .circle_filled(center, 4.5, palette(n, app.settings.dark));
        }
        ui.weak("(?)").on_hover_text(
            "Faded or dashed: the date is estimated. Hollow: alleged, denied or planned. \
             A numbered pill is a cluster of events: click it to zoom in.",
        );
    });
}

/// Room before a legend name for its colour dot.
const LEGEND_DOT_ROOM: f32 = 13.0;

fn lane_height(lanes: usize, available: f32) -> f32 {
    #[allow(clippy::cast_precision_loss)] // lane counts are small
    let n = lanes.max(1) as f32;
    ((available - AXIS_H) / n).clamp(MIN_LANE_H, LANE_H)
}

/// The drawn rectangle of an item, for painting and for hit-testing alike.
fn item_rect(item: &Item, rect: Rect, lane_h: f32) -> Rect {
    #[allow(clippy::cast_precision_loss)]
    let top = rect.top() + AXIS_H + item.lane as f32 * lane_h;
    let cy = top + lane_h * 0.58;
    #[allow(clippy::cast_possible_truncation)] // screen coordinates
    let (x0, x1) = (rect.left() + item.x0 as f32, rect.left() + item.x1 as f32);
    match item.kind {
        ItemKind::Event(_) => {
            if x1 - x0 < 5.0 {
                Rect::from_center_size(pos2(x0, cy), vec2(10.0, 10.0))
            } else {
                Rect::from_min_max(pos2(x0, cy - 5.0), pos2(x1, cy + 5.0))
            }
        }
        ItemKind::Cluster { count, .. } => {
            let w = (x1 - x0 + 8.0).max(pill_min_width(count));
            let cx = (x0 + x1) / 2.0;
            Rect::from_center_size(pos2(cx, cy), vec2(w, 17.0))
        }
    }
}

/// The drawn rectangles of `items`, in order. A cluster's pill is wider than its events
/// (room for the count), so one that would run into the previous pill of its lane starts
/// just right of it instead. A short cluster (the tail of a dense run) left too narrow for
/// its count that way is merged into the previous pill, in `items` too, so that hover and
/// click see what is drawn. Neighbouring pills never hide each other's counts.
fn place_items(items: &mut Vec<Item>, rect: Rect, lane_h: f32, n_lanes: usize) -> Vec<Rect> {
    let mut rects: Vec<Rect> = Vec::with_capacity(items.len());
    // Per lane: the position in `rects` (and in the kept items) of its last pill.
    let mut last_pill: Vec<Option<usize>> = vec![None; n_lanes];
    let mut kept = 0;
    for i in 0..items.len() {
        let Some(&item) = items.get(i) else { break };
        let mut r = item_rect(&item, rect, lane_h);
        if let ItemKind::Cluster { count, .. } = item.kind
            && !is_band(r)
            && let Some(slot) = last_pill.get_mut(item.lane)
        {
            let prev = slot.and_then(|p| Some((p, *items.get(p)?, *rects.get(p)?)));
            if let Some((p, prev_item, prev_r)) = prev {
                let left = r.min.x.max(prev_r.max.x + PILL_GAP);
                #[allow(clippy::cast_possible_truncation)] // screen coordinates
                let short = ((item.x1 - item.x0) as f32) < TAIL_PX;
                if short
                    && r.max.x - left < pill_min_width(count)
                    && let Some(merged) = merge_clusters(&prev_item, &item)
                {
                    let mut mr = item_rect(&merged, rect, lane_h);
                    mr.min.x = mr.min.x.max(prev_r.min.x);
                    if let (Some(it), Some(pr)) = (items.get_mut(p), rects.get_mut(p)) {
                        *it = merged;
                        *pr = mr;
                    }
                    continue;
                }
                r.min.x = left.min(r.max.x - MIN_PILL_W);
            }
            *slot = Some(kept);
        }
        if let Some(it) = items.get_mut(kept) {
            *it = item;
        }
        rects.push(r);
        kept += 1;
    }
    items.truncate(kept);
    rects
}

/// Whether a cluster's rectangle is a band of events that start before the view and reach
/// into it (or last for more than a year) rather than a pill of events starting close
/// together: no pill built from starts is this wide.
fn is_band(r: Rect) -> bool {
    #[allow(clippy::cast_possible_truncation)]
    let widest_pill = (2.0 * MAX_CLUSTER_PX) as f32 + 8.0;
    r.width() > widest_pill
}

/// The width a pill needs to show `count`.
fn pill_min_width(count: u32) -> f32 {
    let digits = count.checked_ilog10().unwrap_or(0) + 1;
    #[allow(clippy::cast_precision_loss)] // a handful of digits
    let w = 10.0 + 7.0 * digits as f32;
    w
}

/// One cluster standing for the events of two neighbouring ones (`a` left of `b`).
fn merge_clusters(a: &Item, b: &Item) -> Option<Item> {
    match (a.kind, b.kind) {
        (
            ItemKind::Cluster {
                count: n,
                first_day,
                last_day: l1,
            },
            ItemKind::Cluster {
                count: m,
                last_day: l2,
                ..
            },
        ) => Some(Item {
            lane: a.lane,
            x0: a.x0.min(b.x0),
            x1: a.x1.max(b.x1),
            kind: ItemKind::Cluster {
                count: n.saturating_add(m),
                first_day,
                last_day: l1.max(l2),
            },
        }),
        _ => None,
    }
}

/// A cluster whose events span less than this is a tail that may merge into its neighbour.
#[allow(clippy::cast_possible_truncation)]
const TAIL_PX: f32 = (MAX_CLUSTER_PX / 2.0) as f32;
/// Space between neighbouring cluster pills.
const PILL_GAP: f32 = 2.0;
/// A pill is never narrower than this, even squeezed by its neighbour.
const MIN_PILL_W: f32 = 8.0;

fn with_alpha(c: Color32, a: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), a)
}

/// Draws the canvas and handles its input. `items` is scratch space (reused by callers
/// that draw every frame).
pub fn canvas_ui(
    ui: &mut egui::Ui,
    input: &CanvasInput<'_>,
    items: &mut Vec<Item>,
) -> CanvasOutput {
    let size = ui.available_size().max(vec2(100.0, 80.0));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    let shown: usize = input
        .lanes
        .lanes
        .iter()
        .map(crate::timeline::lod::Lane::len)
        .sum();
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Canvas,
            true,
            format!("Timeline: {shown} dated events in view lanes"),
        )
    });
    let width = f64::from(rect.width());
    let mut out = CanvasOutput {
        width,
        ..CanvasOutput::default()
    };
    let view = input.view;
    let visuals = ui.visuals().clone();
    let painter = ui.painter_at(rect);
    let lane_h = lane_height(input.lanes.lanes.len(), rect.height());
    let mut shapes: Vec<Shape> = Vec::with_capacity(4096);
    let text_color = visuals.text_color();
    let weak = visuals.weak_text_color();

    // Lane backgrounds.
    for n in (0..input.lanes.lanes.len()).step_by(2) {
        #[allow(clippy::cast_precision_loss)]
        let top = rect.top() + AXIS_H + n as f32 * lane_h;
        let r = Rect::from_min_max(pos2(rect.left(), top), pos2(rect.right(), top + lane_h));
        shapes.push(Shape::rect_filled(r, 0.0, visuals.faint_bg_color));
    }
    // Grid and axis labels.
    let font = FontId::proportional(11.5);
    for t in ticks(&view, width, 90.0) {
        #[allow(clippy::cast_possible_truncation)]
        let x = rect.left() + view.x_of(t.day) as f32;
        let c = if t.major {
            with_alpha(weak, 110)
        } else {
            with_alpha(weak, 45)
        };
        shapes.push(Shape::line_segment(
            [pos2(x, rect.top() + AXIS_H - 4.0), pos2(x, rect.bottom())],
            Stroke::new(1.0, c),
        ));
        let galley = painter.layout_no_wrap(
            t.label,
            font.clone(),
            if t.major { text_color } else { weak },
        );
        shapes.push(Shape::galley(
            pos2(x + 3.0, rect.top() + 4.0),
            galley,
            text_color,
        ));
    }
    shapes.push(Shape::line_segment(
        [
            pos2(rect.left(), rect.top() + AXIS_H),
            pos2(rect.right(), rect.top() + AXIS_H),
        ],
        Stroke::new(1.0, with_alpha(weak, 120)),
    ));

    // Items.
    items.clear();
    layout(input.store, input.lanes, &view, width, items);
    let lane_color = |lane: usize| -> Color32 {
        match input.lanes.mode {
            LaneMode::Type => input.lanes.lanes.get(lane).map_or(Color32::GRAY, |l| {
                type_color(input.type_names, &l.label, input.dark)
            }),
            LaneMode::Actor => Color32::GRAY,
        }
    };
    let mut selected_rect = None;
    let rects = place_items(items, rect, lane_h, input.lanes.lanes.len());
    let label_font = FontId::proportional(11.0);
    let on_color = if input.dark {
        Color32::BLACK
    } else {
        Color32::WHITE
    };
    for (item, &r) in items.iter().zip(&rects) {
        if r.right() < rect.left() - 20.0 || r.left() > rect.right() + 20.0 {
            continue;
        }
        match item.kind {
            ItemKind::Event(i) => {
                let Some(e) = input.store.get(i) else {
                    continue;
                };
                let color = type_color(input.type_names, &e.event_type, input.dark);
                let estimated = input.store.is_estimated(i);
                let hollow = matches!(
                    e.status,
                    Status::Alleged | Status::Denied | Status::Planned | Status::Hypothetical
                );
                if r.width() <= 10.5 {
                    let fill = if hollow {
                        Color32::TRANSPARENT
                    } else if estimated {
                        with_alpha(color, 80)
                    } else {
                        color
                    };
                    shapes.push(Shape::circle_filled(r.center(), 4.5, fill));
                    shapes.push(Shape::circle_stroke(
                        r.center(),
                        4.5,
                        Stroke::new(if estimated { 1.0 } else { 1.5 }, color),
                    ));
                } else {
                    let fill = if estimated {
                        with_alpha(color, 45)
                    } else {
                        with_alpha(color, if hollow { 60 } else { 150 })
                    };
                    shapes.push(Shape::rect_filled(r, CornerRadius::same(2), fill));
                    if estimated {
                        let s = Stroke::new(1.0, color);
                        shapes.extend(Shape::dashed_line(
                            &[r.left_top(), r.right_top()],
                            s,
                            4.0,
                            3.0,
                        ));
                        shapes.extend(Shape::dashed_line(
                            &[r.left_bottom(), r.right_bottom()],
                            s,
                            4.0,
                            3.0,
                        ));
                    }
                    shapes.push(Shape::circle_filled(
                        pos2(r.left(), r.center().y),
                        3.0,
                        color,
                    ));
                }
                if input.selected == Some(i) {
                    selected_rect = Some(r);
                }
            }
            ItemKind::Cluster { count, .. } => {
                // In actor lanes a cluster mixes types: neutral grey, not a type's colour.
                let color = if input.lanes.mode == LaneMode::Type {
                    lane_color(item.lane)
                } else {
                    weak
                };
                // A band is faint, so that the events drawn over it stand out, and has no
                // count (they would cover it; the tooltip gives it).
                if is_band(r) {
                    shapes.push(Shape::rect_filled(
                        r,
                        CornerRadius::same(8),
                        with_alpha(color, 60),
                    ));
                    continue;
                }
                shapes.push(Shape::rect_filled(
                    r,
                    CornerRadius::same(8),
                    with_alpha(color, 215),
                ));
                let galley =
                    painter.layout_no_wrap(count.to_string(), label_font.clone(), on_color);
                // A count that does not fit its pill is left to the tooltip; zooming in
                // makes room.
                if galley.size().x + 4.0 <= r.width() {
                    let pos = r.center() - galley.size() / 2.0;
                    shapes.push(Shape::galley(pos, galley, on_color));
                }
            }
        }
    }
    // Lane labels over a translucent background, at the left.
    for (n, lane) in input.lanes.lanes.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let top = rect.top() + AXIS_H + n as f32 * lane_h;
        let color = match input.lanes.mode {
            LaneMode::Type => lane_color(n),
            LaneMode::Actor => text_color,
        };
        let galley = painter.layout_no_wrap(
            format!("{} ({})", lane.label.replace('_', " "), lane.len()),
            FontId::proportional(11.0),
            color,
        );
        let bg = Rect::from_min_size(
            pos2(rect.left() + 2.0, top + 1.0),
            galley.size() + vec2(6.0, 0.0),
        );
        out.label_width = out
            .label_width
            .max(f64::from(bg.right() - rect.left() + PILL_GAP));
        shapes.push(Shape::rect_filled(
            bg,
            CornerRadius::same(3),
            with_alpha(visuals.panel_fill, 200),
        ));
        shapes.push(Shape::galley(
            pos2(rect.left() + 5.0, top + 1.0),
            galley,
            color,
        ));
    }
    if let Some(r) = selected_rect {
        shapes.push(Shape::rect_stroke(
            r.expand(3.0),
            CornerRadius::same(4),
            Stroke::new(2.0, text_color),
            StrokeKind::Outside,
        ));
    } else if let Some((s, _)) = input.selected.and_then(|i| input.store.span(i)) {
        #[allow(clippy::cast_possible_truncation)]
        let x = rect.left() + view.x_of(s) as f32;
        shapes.push(Shape::line_segment(
            [pos2(x, rect.top() + AXIS_H), pos2(x, rect.bottom())],
            Stroke::new(1.5, text_color),
        ));
    }
    painter.extend(shapes);

    // Input: hover and click by geometry.
    let hovered = response.hover_pos().and_then(|p| {
        items
            .iter()
            .zip(&rects)
            .rev()
            .find(|(_, r)| r.expand(3.0).contains(p))
            .map(|(it, _)| *it)
    });
    if let Some(item) = hovered {
        let response = response.clone();
        response.on_hover_ui_at_pointer(|ui| tooltip_ui(ui, input, &item));
    }
    if response.clicked() {
        out.clicked = Some(hovered.map(|h| h.kind));
    }
    if response.dragged() && response.drag_delta().x != 0.0 {
        out.view = Some(view.pan(f64::from(response.drag_delta().x)));
    }
    if response.double_clicked()
        && let Some(p) = response.interact_pointer_pos()
    {
        out.view = Some(view.zoom_at(f64::from(p.x - rect.left()), 2.0));
    }
    if response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let factor = f64::from(zoom) * f64::from(scroll.y * 0.004).exp();
        if let Some(p) = response.hover_pos()
            && ((factor - 1.0).abs() > 1e-4 || scroll.x != 0.0)
        {
            let v = out
                .view
                .unwrap_or(view)
                .zoom_at(f64::from(p.x - rect.left()), factor)
                .pan(f64::from(scroll.x));
            out.view = Some(v);
        }
    }
    out
}

fn tooltip_ui(ui: &mut egui::Ui, input: &CanvasInput<'_>, item: &Item) {
    match item.kind {
        ItemKind::Event(i) => {
            let Some(e) = input.store.get(i) else { return };
            ui.strong(e.event_type.replace('_', " "));
            if let Some(w) = &e.when {
                let resolved = match (w.start, w.end) {
                    (Some(s), Some(t)) if s == t => s.to_string(),
                    (Some(s), Some(t)) => format!("{s} – {t}"),
                    _ => "unresolved".to_owned(),
                };
                ui.label(
                    format!(
                        "“{}” resolves to {resolved} ({:?}, {:?})",
                        w.expression, w.precision, w.anchor
                    )
                    .to_lowercase(),
                );
            }
            if !e.actors.is_empty() {
                ui.label(format!("Actors: {}", e.actors.join(", ")));
            }
            if e.status != Status::Reported {
                ui.label(format!("Status: {:?}", e.status));
            }
            ui.label(&e.summary);
            ui.weak(&e.source.article);
        }
        ItemKind::Cluster {
            count,
            first_day,
            last_day,
        } => {
            let d = |x: f64| date_of_day(x).map_or_else(String::new, |d| d.to_string());
            ui.strong(format!("{count} events"));
            ui.label(format!("{} – {}", d(first_day), d(last_day - 1.0)));
            ui.weak("Click to zoom in");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cluster(lane: usize, x0: f64, x1: f64, count: u32) -> Item {
        Item {
            lane,
            x0,
            x1,
            kind: ItemKind::Cluster {
                count,
                first_day: x0,
                last_day: x1 + 1.0,
            },
        }
    }

    fn total(items: &[Item]) -> u32 {
        items
            .iter()
            .map(|it| match it.kind {
                ItemKind::Event(_) => 1,
                ItemKind::Cluster { count, .. } => count,
            })
            .sum()
    }

    #[test]
    fn pills_in_a_lane_do_not_overlap_and_short_tails_merge() {
        let canvas = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 400.0));
        // A dense run: clusters 44 px wide back to back, then a 3 px tail with a big
        // count, and one cluster in another lane at the same place.
        let mut items = vec![
            cluster(0, 100.0, 144.0, 9341),
            cluster(0, 144.5, 188.5, 14775),
            cluster(0, 189.0, 192.0, 1498),
            cluster(1, 100.0, 144.0, 12),
        ];
        let before = total(&items);
        let rects = place_items(&mut items, canvas, 30.0, 2);
        assert_eq!(items.len(), 3, "the tail merges into its neighbour");
        assert_eq!(rects.len(), items.len());
        assert_eq!(total(&items), before, "every event is still counted once");
        let lane0: Vec<&Rect> = items
            .iter()
            .zip(&rects)
            .filter(|(it, _)| it.lane == 0)
            .map(|(_, r)| r)
            .collect();
        for w in lane0.windows(2) {
            assert!(w[0].right() + PILL_GAP <= w[1].left() + 0.01, "{w:?}");
        }
        for (it, r) in items.iter().zip(&rects) {
            if let ItemKind::Cluster { count, .. } = it.kind {
                assert!(r.width() >= pill_min_width(count) - 0.01, "{it:?} {r:?}");
            }
        }
    }

    #[test]
    fn a_band_neither_squeezes_nor_is_squeezed() {
        let canvas = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 400.0));
        let mut items = vec![cluster(0, -500.0, 900.0, 161), cluster(0, 300.0, 310.0, 7)];
        let rects = place_items(&mut items, canvas, 30.0, 1);
        assert_eq!(items.len(), 2);
        assert!(is_band(rects[0]) && !is_band(rects[1]));
        assert_eq!(rects[1], item_rect(&items[1], canvas, 30.0));
    }
}

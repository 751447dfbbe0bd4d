//! The overview strip: event density over the whole span (one bucket per pixel, one mesh)
//! and the visible window, which can be dragged. Brushing outside the window sets a date
//! filter.

use egui::{Color32, Mesh, Rect, Sense, Shape, Stroke, StrokeKind, pos2, vec2};

use crate::app::{Command, DatelineApp};
use crate::timeline::view::{TimeView, date_of_day};

const HEIGHT: f32 = 42.0;

#[derive(Clone, Copy)]
enum Drag {
    Window,
    Brush { from_day: f64, to_day: f64 },
}

/// The density strip with the visible window.
pub fn overview_ui(ui: &mut egui::Ui, app: &mut DatelineApp) {
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), HEIGHT), Sense::click_and_drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Canvas, true, "Overview of all events")
    });
    let Some((lo, hi)) = app.data.extent else {
        return;
    };
    let visuals = ui.visuals().clone();
    let whole = TimeView::fit(lo, hi, f64::from(rect.width()));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);

    // One bucket per pixel, drawn as one mesh.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // a screen width
    let width_px = rect.width().max(1.0) as usize;
    let bins = app.data.filtered.density(
        whole.left_day,
        whole.right_day(f64::from(rect.width())),
        width_px,
    );
    let max = bins.iter().copied().max().unwrap_or(0).max(1);
    let color = if app.settings.dark {
        Color32::from_rgb(0x5d, 0xa8, 0xf0)
    } else {
        Color32::from_rgb(0x1f, 0x6f, 0xb4)
    };
    let mut mesh = Mesh::default();
    for (x, &c) in bins.iter().enumerate() {
        if c == 0 {
            continue;
        }
        // sqrt keeps sparse days visible next to busy ones.
        let h = (f64::from(c) / f64::from(max)).sqrt();
        #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
        let (x, h) = (rect.left() + x as f32, (h as f32 * (HEIGHT - 6.0)).max(2.0));
        mesh.add_colored_rect(
            Rect::from_min_max(
                pos2(x, rect.bottom() - h - 2.0),
                pos2(x + 1.0, rect.bottom() - 2.0),
            ),
            color,
        );
    }
    painter.add(Shape::mesh(mesh));

    // The visible window.
    let view = app.ui.view;
    let w = app.ui.canvas_width;
    #[allow(clippy::cast_possible_truncation)]
    let (x0, x1) = (
        rect.left() + whole.x_of(view.left_day) as f32,
        rect.left() + whole.x_of(view.right_day(w)) as f32,
    );
    let win = Rect::from_min_max(
        pos2(x0.max(rect.left()), rect.top()),
        pos2(
            x1.min(rect.right()).max(x0.max(rect.left()) + 2.0),
            rect.bottom(),
        ),
    );
    painter.rect_filled(win, 2.0, visuals.selection.bg_fill.gamma_multiply(0.35));
    painter.rect_stroke(
        win,
        2.0,
        Stroke::new(1.5, visuals.selection.stroke.color),
        StrokeKind::Inside,
    );

    let id = response.id;
    let day_at = |x: f32| whole.day_at(f64::from(x - rect.left()));
    // Where the button went down, not where the drag was recognised.
    if response.drag_started()
        && let Some(p) = ui
            .input(|i| i.pointer.press_origin())
            .or_else(|| response.interact_pointer_pos())
    {
        let mode = if win.expand(3.0).contains(p) {
            Drag::Window
        } else {
            Drag::Brush {
                from_day: day_at(p.x),
                to_day: day_at(p.x),
            }
        };
        ui.data_mut(|d| d.insert_temp(id, DragMode(mode)));
    }
    let mode = ui.data(|d| d.get_temp::<DragMode>(id)).map(|m| m.0);
    if response.dragged() {
        match mode {
            Some(Drag::Window) => {
                let days = f64::from(response.drag_delta().x) / whole.px_per_day;
                let v = TimeView {
                    left_day: view.left_day + days,
                    px_per_day: view.px_per_day,
                };
                app.commands.push(Command::SetView(v));
            }
            Some(Drag::Brush { from_day, .. }) => {
                if let Some(p) = response.interact_pointer_pos() {
                    // Remember where the brush is: the pointer may be gone when it ends.
                    let to_day = day_at(p.x);
                    ui.data_mut(|d| d.insert_temp(id, DragMode(Drag::Brush { from_day, to_day })));
                    let (a, b) = (whole.x_of(from_day), f64::from(p.x - rect.left()));
                    #[allow(clippy::cast_possible_truncation)]
                    let r = Rect::from_min_max(
                        pos2(rect.left() + a.min(b) as f32, rect.top()),
                        pos2(rect.left() + a.max(b) as f32, rect.bottom()),
                    );
                    painter.rect_filled(r, 0.0, visuals.warn_fg_color.gamma_multiply(0.25));
                }
            }
            None => {}
        }
    }
    if response.drag_stopped() {
        let mode = ui.data(|d| d.get_temp::<DragMode>(id)).map(|m| m.0);
        if let Some(Drag::Brush { from_day, to_day }) = mode {
            let to_day = response
                .interact_pointer_pos()
                .map_or(to_day, |p| day_at(p.x));
            let (a, b) = (from_day.min(to_day), from_day.max(to_day));
            if b - a >= 1.0 {
                let mut f = app.settings.filter.clone();
                f.from = date_of_day(a);
                f.to = date_of_day(b);
                app.commands.push(Command::SetFilter(f));
                app.commands.push(Command::SetView(app.ui.fitted(a, b)));
            }
        }
        ui.data_mut(|d| d.remove::<DragMode>(id));
    }
    if response.clicked()
        && let Some(p) = response.interact_pointer_pos()
    {
        app.commands
            .push(Command::SetView(view.centered_on(day_at(p.x), w)));
    }
}

#[derive(Clone, Copy)]
struct DragMode(Drag);

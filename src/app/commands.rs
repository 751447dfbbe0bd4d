//! What widgets ask for. Panels push commands; the app applies them once per frame, so the
//! model is never changed in the middle of drawing.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::export::Format;
use crate::timeline::{Filter, LaneMode, TimeView};

/// A request from the UI.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Open these folders or files (replacing what is open).
    Open(Vec<PathBuf>),
    /// Ask for a folder with the folder dialog, then open it.
    OpenFolderDialog,
    /// Open the sample articles shipped with Dateline.
    OpenSamples,
    /// Read the open paths again.
    Reload,
    CancelLoad,
    /// Select an event by store index, or clear the selection.
    Select(Option<u32>),
    /// Select the next (+1) or previous (-1) event in list order.
    SelectNext(i32),
    SetView(TimeView),
    FitAll,
    ZoomToSelection,
    SetFilter(Filter),
    SetLaneMode(LaneMode),
    SetDark(bool),
    /// Set or correct an article's publication date; its events are re-extracted.
    SetArticleDate {
        article: String,
        date: NaiveDate,
    },
    /// Ask for a file with the save dialog, then export the filtered events.
    ExportDialog(Format),
    /// Export the filtered events to `path`; `replace` confirms overwriting a file.
    Export {
        path: PathBuf,
        format: Format,
        replace: bool,
    },
    ShowHelp(bool),
    SortList(super::state::SortColumn),
}

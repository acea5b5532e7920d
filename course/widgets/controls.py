"""Controls everyone can use: sliders that are a native range input under a visible label
(anywidget), and text boxes for numbers that never keep an old number.

ipywidgets' sliders draw a ``div`` handle with no accessible name (axe-core: "ARIA input
fields must have an accessible name"; a screen reader says only "slider, 4"), 16 px for a
finger, and a track that shrinks to nothing in a narrow row (issue 19). A browser's own
``<input type="range">`` labelled by a ``<label>`` is named, moves with the arrow keys,
Home, End and Page Up/Down, and takes a finger along a 44 px high track.

Same traits as ipywidgets' sliders (``value``, ``min``, ``max``, ``step``,
``description``, ``continuous_update``, ``disabled``), so views and tests use them alike.
Like every widget value, ``value`` is untrusted: views check it (``guards.RangeGuard``).
"""

import anywidget
import ipywidgets as w
import traitlets

from course.widgets.guards import typed

_ESM = """
function decimals(step) {
  const text = String(step);
  if (text.includes("e-")) return Number(text.split("e-")[1]);
  return (text.split(".")[1] || "").length;
}

let made = 0;

function render({ model, el }) {
  const id = `leverage-slider-${Date.now().toString(36)}-${made++}`;
  el.classList.add("leverage-slider");
  const head = document.createElement("div");
  const name = document.createElement("label");
  name.htmlFor = id;
  const shown = document.createElement("output");
  shown.setAttribute("for", id);
  head.append(name, " ", shown);
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  el.append(head, input);

  const text = (value) => Number(value).toFixed(decimals(model.get("step")));
  const show = (value) => {
    shown.textContent = text(value);
    input.setAttribute("aria-valuetext", text(value));
  };
  const update = () => {
    input.min = model.get("min");
    input.max = model.get("max");
    input.step = model.get("step");
    input.value = model.get("value");
    input.disabled = model.get("disabled");
    name.textContent = model.get("description");
    show(model.get("value"));
  };
  const send = () => {
    model.set("value", Number(input.value));
    model.save_changes();
  };
  input.addEventListener("input", () => {
    show(input.value);
    if (model.get("continuous_update")) send();
  });
  input.addEventListener("change", send);
  model.on("change", update);
  update();
  return () => model.off("change", update);
}

export default { render };
"""

_CSS = """
.leverage-slider {
  display: flex;
  flex-direction: column;
  box-sizing: border-box;
  width: 100%;
  max-width: 480px;
  min-width: 0;
  padding: 2px 4px;
  font-size: var(--jp-widgets-font-size, 13px);
  color: var(--jp-widgets-label-color, inherit);
}
.widget-hbox > .leverage-slider { flex: 1 1 150px; }
.leverage-slider output { font-weight: bold; }
.leverage-slider input[type="range"] {
  width: 100%;
  min-height: 44px;
  margin: 0;
  accent-color: #1f5f99;
  cursor: pointer;
}
"""


class FloatSlider(anywidget.AnyWidget):
    """A slider over numbers: ``value`` from ``min`` to ``max`` by ``step``."""

    _esm = _ESM
    _css = _CSS
    value = traitlets.Float(0.0).tag(sync=True)
    min = traitlets.Float(0.0).tag(sync=True)
    max = traitlets.Float(100.0).tag(sync=True)
    step = traitlets.Float(0.1).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    continuous_update = traitlets.Bool(True).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)


class IntSlider(FloatSlider):
    """A slider over whole numbers."""

    value = traitlets.Int(0).tag(sync=True)
    min = traitlets.Int(0).tag(sync=True)
    max = traitlets.Int(100).tag(sync=True)
    step = traitlets.Int(1).tag(sync=True)


def number_box(value, description, **options):
    """A text box for a number, showing ``value``; views read it with
    ``guards.read_number``. Not ipywidgets' FloatText: when its box is emptied or holds
    letters the browser sends nothing, so the view would go on computing, and acting, with
    the number that was there before (issue 19)."""
    return w.Text(value=typed(value), description=description, continuous_update=False, **options)

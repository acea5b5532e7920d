"""Controls everyone can use: sliders that are a native range input under a visible label
(anywidget), text boxes for numbers that never keep an old number, Enter in a text box, and
a live region that a screen reader announces.

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
import traitlets

from course.widgets.guards import typed

#: A fresh element id for a control's label to point at.
_UNIQUE_ID = """
let made = 0;
// an id of its own for every control on the page: each widget may load this module anew
// (its counter starting again) within the same millisecond, and a label whose id is taken
// names another control
const unique = () => `${Math.random().toString(36).slice(2)}-${made++}`;
"""

_ESM = (
    _UNIQUE_ID
    + """
function decimals(step) {
  const text = String(step);
  if (text.includes("e-")) return Number(text.split("e-")[1]);
  return (text.split(".")[1] || "").length;
}

function render({ model, el }) {
  const id = `leverage-slider-${unique()}`;
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
)

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


_TEXT_ESM = (
    _UNIQUE_ID
    + """

function render({ model, el }) {
  const id = `leverage-text-${unique()}`;
  el.classList.add("leverage-text");
  const label = document.createElement("label");
  label.htmlFor = id;
  const input = document.createElement("input");
  input.type = "text";
  input.id = id;
  input.autocomplete = "off";
  el.append(label, input);
  const update = () => {
    label.textContent = model.get("description");
    input.placeholder = model.get("placeholder");
    input.disabled = model.get("disabled");
    if (input.value !== model.get("value")) input.value = model.get("value");
  };
  const send = () => {
    if (model.get("value") === input.value) return;
    model.set("value", input.value);
    model.save_changes();
  };
  input.addEventListener("input", send);
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    send();
    // the box's text goes with Enter: a value typed fast may still wait in the browser's
    // queue of updates, which a message overtakes
    model.send({ event: "submit", value: input.value });
  });
  const heard = (message) => {
    if (message && message.do === "focus") input.focus();
  };
  model.on("change", update);
  model.on("msg:custom", heard);
  update();
  return () => {
    model.off("change", update);
    model.off("msg:custom", heard);
  };
}

export default { render };
"""
)

_TEXT_CSS = """
.leverage-text {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 2px 8px;
  box-sizing: border-box;
  max-width: 100%;
  margin: 2px 0;
  font-size: var(--jp-widgets-font-size, 13px);
  color: var(--jp-widgets-label-color, inherit);
}
.leverage-text input {
  flex: 1 1 10em;
  min-width: 0;
  max-width: 24em;
  min-height: 28px;
  box-sizing: border-box;
  padding: 2px 6px;
  font: inherit;
  border: 1px solid #757575;
  border-radius: 2px;
}
"""


class TextBox(anywidget.AnyWidget):
    """A labelled text box that sends what is typed as it is typed, and with Enter
    (``on_enter``): ipywidgets' ``Text`` sends Enter as a message that can overtake the
    last keys typed, so an offer "95" typed fast arrived as "9" (issue 19)."""

    _esm = _TEXT_ESM
    _css = _TEXT_CSS
    value = traitlets.Unicode("").tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    placeholder = traitlets.Unicode("").tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)

    def on_enter(self, action):
        """Run ``action()`` when Enter is pressed in the box, after taking the text that
        came with it (a string, or the message is ignored)."""

        def heard(_widget, content, _buffers):
            if not isinstance(content, dict) or content.get("event") != "submit":
                return
            typed = content.get("value")
            if isinstance(typed, str):
                self.value = typed
                action()

        self.on_msg(heard)
        return self


def number_box(value, description, **options):
    """A text box for a number, showing ``value``; views read it with
    ``guards.read_number``. Not ipywidgets' FloatText: when its box is emptied or holds
    letters the browser sends nothing, so the view would go on computing, and acting, with
    the number that was there before (issue 19)."""
    return TextBox(value=typed(value), description=description, **options)


_LIVE_ESM = """
function render({ model, el }) {
  el.classList.add("leverage-live");
  el.setAttribute("role", "status");
  el.setAttribute("aria-live", "polite");
  const show = () => { el.innerHTML = model.get("value"); };
  model.on("change:value", show);
  show();
  return () => model.off("change:value", show);
}
export default { render };
"""


class LiveHTML(anywidget.AnyWidget):
    """HTML like ``ipywidgets.HTML`` whose changes a screen reader announces (a polite live
    region, there from the start so that every change is heard): what the other side just
    did, or why a move was refused."""

    _esm = _LIVE_ESM
    _css = ".leverage-live { margin: 4px 0; line-height: 1.5; }"
    value = traitlets.Unicode("").tag(sync=True)

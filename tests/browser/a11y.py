"""Checks any browser test can run on the page it is visiting (issue 19): axe-core, and what
a phone needs (no sideways scrolling, touch targets of at least 44 px).

axe-core comes from the npm registry through `scripts/setup.sh --test` into `.test-tools/`;
nothing is downloaded here. A missing copy is a failure, not a skip. Use them inside an
existing visit (one page, several checks) rather than starting a server for them:

    check_page(page, "arena")                        # laptop and phone, axe on both
    check_page(page, "notebook", scope=OUTPUTS, phone=False)
"""

from tests.conftest import ROOT

AXE = ROOT / ".test-tools" / "node_modules" / "axe-core" / "axe.min.js"

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

#: The impacts that fail a test; "moderate" and "minor" are reported, not failed.
FAILING = ("critical", "serious")

#: A JupyterLab notebook's output areas: what the course draws. JupyterLab's own chrome
#: (menus, toolbars, the file browser) is not ours to fix, so axe runs on these alone.
OUTPUTS = ".jp-OutputArea-output"

#: Smallest width and height of a control a finger must hit (WCAG 2.5.5, Apple's HIG).
TOUCH = 44

#: The controls a participant touches: what must be at least TOUCH px both ways.
CONTROLS = (
    "button, input:not([type=hidden]), select, textarea, a[href], [role=slider],"
    " [role=button], [role=tab]"
)


def axe(page, scope=None):
    """axe-core's violations on ``page`` (within the elements matching the CSS selector
    ``scope``, or the whole document), as ``[{"id", "impact", "count", "targets"}]``."""
    assert AXE.exists(), f"{AXE} is missing: run `scripts/setup.sh --test` (it installs axe-core)"
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async (scope) => {
            const context = scope ? {include: [...document.querySelectorAll(scope)]} : document;
            const found = await window.axe.run(context, {resultTypes: ["violations"]});
            return found.violations.map((v) => ({
                id: v.id, impact: v.impact, count: v.nodes.length,
                targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
            }));
        }""",
        scope,
    )


def table(violations, targets=False):
    """The violations as the report shows them: one line per rule, id, impact and count
    (and, with ``targets``, where the first few are)."""
    if not violations:
        return "  (none)"
    return "\n".join(
        f"  {v['id']:<32} {v['impact']:<9} {v['count']}"
        + ("".join(f"\n      at {target}" for target in v["targets"]) if targets else "")
        for v in violations
    )


def sideways_scroll(page):
    """How many pixels the page scrolls sideways (0 when it fits the screen's width)."""
    return page.evaluate(
        "() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
    )


def cut_off(page, scope="body"):
    """The visible controls, labels, pictures and tables inside ``scope`` that run past the
    screen's right edge: a page can hide them (overflow: hidden) without scrolling sideways."""
    return page.evaluate(
        """([scope, selector]) => {
            const cut = [];
            const wide = document.documentElement.clientWidth;
            for (const root of document.querySelectorAll(scope)) {
                for (const el of root.querySelectorAll(selector)) {
                    const box = el.getBoundingClientRect();
                    if (box.width === 0 || box.height === 0) continue;
                    if (box.right > wide + 1) {
                        const name = el.getAttribute("aria-label")
                            || (el.innerText || el.value || "").trim().slice(0, 30);
                        cut.push(`${el.tagName.toLowerCase()} '${name}' ends at ${Math.round(box.right)}`);
                    }
                }
            }
            return cut;
        }""",
        [scope, f"{CONTROLS}, label, svg, img, table, .widget-label, .widget-readout"],
    )


def small_targets(page, scope="body"):
    """The visible, enabled controls inside ``scope`` smaller than TOUCH px either way, as
    ``"tag 'name': width×height"`` strings."""
    return page.evaluate(
        """([scope, selector, touch]) => {
            const small = [];
            for (const root of document.querySelectorAll(scope)) {
                for (const el of root.querySelectorAll(selector)) {
                    const box = el.getBoundingClientRect();
                    const hidden = box.width === 0 || box.height === 0
                        || getComputedStyle(el).visibility === "hidden" || el.closest("[hidden]");
                    if (hidden || el.disabled) continue;
                    if (box.width < touch || box.height < touch) {
                        const name = el.getAttribute("aria-label") || el.title
                            || (el.innerText || el.value || "").trim().slice(0, 30);
                        small.push(`${el.tagName.toLowerCase()} '${name}': `
                            + `${Math.round(box.width)}×${Math.round(box.height)}`);
                    }
                }
            }
            return small;
        }""",
        [scope, CONTROLS, TOUCH],
    )


def settle(page):
    """Wait until the page has laid itself out again (two animation frames)."""
    page.evaluate(
        "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


def serious(violations):
    return [v for v in violations if v["impact"] in FAILING]


def check_page(page, name, scope=None, phone=True, touch=True, prepare=None):
    """axe-core at laptop size and, with ``phone``, at phone size too, where the page must
    not scroll sideways and (with ``touch``) nothing may be cut off and every control must
    be a finger's size. ``prepare(page)`` runs after each resize. Fails with every problem
    found, the axe table per size included; leaves the page at the size it had. ``name``
    says which page in the message."""
    size = page.viewport_size
    problems = []
    try:
        for label, viewport in (("laptop", LAPTOP), *((("phone", PHONE),) if phone else ())):
            page.set_viewport_size(viewport)
            settle(page)
            if prepare:
                prepare(page)
            found = serious(axe(page, scope))
            if found:
                problems.append(f"{name} at {label} size, axe-core:\n{table(found, True)}")
            if label == "phone" and touch:
                overflow = sideways_scroll(page)
                if overflow > 0:
                    problems.append(f"{name} scrolls sideways by {overflow} px on a phone")
                hidden = cut_off(page, scope or "body")
                if hidden:
                    problems.append(
                        f"{name}: cut off at the right on a phone: " + "; ".join(hidden)
                    )
                tiny = small_targets(page, scope or "body") if touch else []
                if tiny:
                    problems.append(
                        f"{name}: controls smaller than {TOUCH} px on a phone: " + "; ".join(tiny)
                    )
    finally:
        page.set_viewport_size(size)
    assert not problems, "\n".join(problems)


def phone(browser):
    """A browser context as a phone opens a page: 390×844, touch, the page's viewport tag."""
    return browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)


def tap(locator, at=0.5):
    """Tap ``locator`` as a finger does (at ``at`` of its width), after checking that it is
    on screen and at least TOUCH px both ways."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    assert box and box["width"] >= TOUCH and box["height"] >= TOUCH, (
        f"{locator} is {box and round(box['width'])}×{box and round(box['height'])} px, "
        f"smaller than a finger ({TOUCH} px)"
    )
    page = locator.page
    page.touchscreen.tap(box["x"] + box["width"] * at, box["y"] + box["height"] / 2)


def _every_output_drawn(page):
    """Bring each output of the open notebook into view once, so that JupyterLab (which
    skips drawing cells off screen) has drawn every one before axe-core looks."""
    outputs = page.locator(f".jp-NotebookPanel:not(.lm-mod-hidden) {OUTPUTS}")
    for index in range(outputs.count()):
        outputs.nth(index).scroll_into_view_if_needed()


def check_notebook(page, name):
    """axe-core on what the course draws in the open JupyterLab notebook (its output areas,
    not JupyterLab's chrome), at laptop and phone sizes, the file browser folded away as a
    learner on a small screen would."""
    page.evaluate("() => window.jupyterapp.shell.collapseLeft()")
    check_page(page, name, scope=OUTPUTS, touch=False, prepare=_every_output_drawn)

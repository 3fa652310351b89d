// As-you-type suggestions for every search box: the ARIA combobox pattern over a plain GET form.
// Module scripts run once however many boxes render the tag; listeners sit on the document, so boxes
// added later by Blazor's enhanced navigation work too. Without this script the form still submits.

const debounceMs = 150;
const state = new WeakMap();

function boxOf(target) {
    return target instanceof Element ? target.closest("[data-search-box]") : null;
}

function parts(box) {
    return { input: box.querySelector("input[role=combobox]"), list: box.querySelector("[role=listbox]") };
}

function close(box) {
    const { input, list } = parts(box);
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
}

function select(box, index) {
    const { input, list } = parts(box);
    const options = [...list.querySelectorAll("[role=option]")];
    options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
    } else {
        input.removeAttribute("aria-activedescendant");
    }
}

function show(box, items) {
    const { input, list } = parts(box);
    if (items.length === 0) {
        close(box);
        return;
    }
    list.replaceChildren(...items.map((item, i) => {
        const option = document.createElement("li");
        option.id = `${list.id}-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.url = item.url;
        option.textContent = item.title;
        return option;
    }));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
}

async function suggest(box) {
    const { input } = parts(box);
    const query = input.value.trim();
    const current = state.get(box) ?? {};
    current.controller?.abort();
    if (query.length < 2) {
        close(box);
        return;
    }
    const controller = new AbortController();
    state.set(box, { ...current, controller });
    try {
        const url = `${box.dataset.suggestUrl}?q=${encodeURIComponent(query)}`;
        const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (response.ok) {
            show(box, await response.json());
        }
    } catch (error) {
        if (error.name !== "AbortError") {
            close(box);
        }
    }
}

document.addEventListener("input", event => {
    const box = boxOf(event.target);
    if (!box || event.target.getAttribute("role") !== "combobox") {
        return;
    }
    const current = state.get(box) ?? {};
    clearTimeout(current.timer);
    state.set(box, { ...current, timer: setTimeout(() => suggest(box), debounceMs) });
});

document.addEventListener("keydown", event => {
    const box = boxOf(event.target);
    if (!box || event.target.getAttribute("role") !== "combobox") {
        return;
    }
    const { input, list } = parts(box);
    const options = [...list.querySelectorAll("[role=option]")];
    const active = options.findIndex(option => option.id === input.getAttribute("aria-activedescendant"));
    switch (event.key) {
        case "ArrowDown":
            if (options.length > 0) {
                event.preventDefault();
                select(box, (active + 1) % options.length);
            }
            break;
        case "ArrowUp":
            if (options.length > 0) {
                event.preventDefault();
                select(box, active <= 0 ? options.length - 1 : active - 1);
            }
            break;
        case "Enter":
            // With no option chosen, Enter submits the form to the results page as without JavaScript.
            if (active >= 0 && !list.hidden) {
                event.preventDefault();
                window.location.assign(options[active].dataset.url);
            }
            break;
        case "Escape":
            if (!list.hidden) {
                event.preventDefault();
                close(box);
            }
            break;
    }
});

document.addEventListener("click", event => {
    const option = event.target instanceof Element ? event.target.closest("[data-search-box] [role=option]") : null;
    if (option) {
        window.location.assign(option.dataset.url);
        return;
    }
    document.querySelectorAll("[data-search-box]").forEach(box => {
        if (!box.contains(event.target)) {
            close(box);
        }
    });
});

document.addEventListener("focusout", event => {
    const box = boxOf(event.target);
    // Let a click on an option land before the list goes away.
    if (box && !box.contains(event.relatedTarget)) {
        setTimeout(() => close(box), 150);
    }
});

// Result links count the click with the ping attribute. Some browsers keep ping turned off, so a beacon
// says the same; recording a click is idempotent, so both arriving counts once. Neither waits for an
// answer: the navigation is never held up.
for (const type of ["click", "auxclick"]) {
    document.addEventListener(type, event => {
        const link = event.target instanceof Element ? event.target.closest("a[ping]") : null;
        if (link && navigator.sendBeacon) {
            navigator.sendBeacon(link.getAttribute("ping"));
        }
    });
}

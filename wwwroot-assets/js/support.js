// "Still need help?" passes the last verdict shown on this page (mail tester or domain check) to the support
// page, where the reader sees it and chooses whether it goes to support. Only the code is read: never an
// input's value. Without this script the form still works, without the verdict.

const verdictSelector = "[data-verdict][data-diagnosis]";
const codePattern = /^[a-z][a-z0-9-]{0,39}$/;
let lastCode = null;

function remember(element) {
    const code = element?.getAttribute("data-diagnosis");
    if (code && codePattern.test(code)) {
        lastCode = code;
    }
}

// The tester renders its verdict late, in a live region: note each verdict as it appears or changes.
new MutationObserver(records => {
    for (const record of records) {
        if (record.type === "attributes") {
            if (record.target.matches(verdictSelector)) {
                remember(record.target);
            }
            continue;
        }
        for (const node of record.addedNodes) {
            if (node instanceof Element) {
                remember(node.matches(verdictSelector) ? node : [...node.querySelectorAll(verdictSelector)].pop());
            }
        }
    }
}).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-diagnosis"] });

document.addEventListener("submit", event => {
    const form = event.target instanceof Element ? event.target.closest("[data-support-form]") : null;
    const field = form?.querySelector("[data-support-diagnosis]");
    if (!field) {
        return;
    }
    // A verdict already on the page when it loaded (the domain check's own URL) counts too.
    const code = lastCode ?? [...document.querySelectorAll(verdictSelector)].pop()?.getAttribute("data-diagnosis");
    if (code && codePattern.test(code)) {
        field.value = code;
        field.disabled = false;
    }
}, true);

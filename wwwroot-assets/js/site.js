// Progressive enhancement for static pages: no Blazor circuit, only small DOM helpers.
// Runs again after Blazor's enhanced navigation swaps the page content.

const confirmMs = 2000;

function enhanceMailSettings(root) {
    if (root.dataset.enhanced) {
        return;
    }
    root.dataset.enhanced = "true";
    root.querySelectorAll("[data-js-only], [data-copy]").forEach(el => { el.hidden = false; });

    const status = root.querySelector("[data-copy-status]");
    const address = root.querySelector("[data-mail-settings-address]");
    const usernames = root.querySelectorAll("[data-username]");
    const usernameButtons = root.querySelectorAll("[data-copy-username]");

    const showUsername = () => {
        const value = address ? address.value.trim() : "";
        const looksLikeAddress = /^[^\s@]+@[^\s@]+$/.test(value);
        usernames.forEach(el => {
            el.textContent = looksLikeAddress ? value : el.dataset.placeholder;
            el.classList.toggle("filled", looksLikeAddress);
        });
        // Copying the words "your full email address" would help nobody.
        usernameButtons.forEach(button => { button.hidden = !looksLikeAddress; });
    };
    address?.addEventListener("input", showUsername);
    showUsername();

    root.querySelectorAll("[data-copy]").forEach(button => {
        button.addEventListener("click", async () => {
            const value = button.closest(".setting")?.querySelector("[data-value]")?.textContent.trim() ?? "";
            const label = button.dataset.label ?? button.textContent;
            button.dataset.label = label;
            try {
                await navigator.clipboard.writeText(value);
                button.textContent = root.dataset.copiedText;
                button.classList.add("copied");
                if (status) {
                    status.textContent = `${root.dataset.copiedText}: ${value}`;
                }
            } catch {
                if (status) {
                    status.textContent = root.dataset.copyFailedText;
                }
            }
            setTimeout(() => {
                button.textContent = label;
                button.classList.remove("copied");
            }, confirmMs);
        });
    });
}

function enhance() {
    // Every widget with copy buttons shares them: each value sits in a ".setting" beside its button.
    document.querySelectorAll('[data-widget="mail-settings"], [data-widget="client-setup"], [data-widget="domain-check"]')
        .forEach(enhanceMailSettings);
}

// A module runs after the document is parsed and after blazor.web.js has defined window.Blazor.
enhance();
// Enhanced navigation replaces the page without a new load event.
window.Blazor?.addEventListener?.("enhancedload", enhance);

// Progressive enhancements. Everything works without this file.

// Video facades: the player (and any request to the video's host) loads only when
// the reader presses play; without JavaScript the link opens the video's own page.
document.addEventListener("click", (event) => {
    const play = event.target.closest("[data-video-play]");
    if (!play) {
        return;
    }
    const frame = play.closest(".video__frame");
    const player = frame.querySelector("template[data-video-player]");
    if (!player || !player.content.querySelector("iframe")) {
        return;
    }
    event.preventDefault();
    const iframe = player.content.querySelector("iframe").cloneNode(true);
    const src = new URL(iframe.src);
    src.searchParams.set("autoplay", "1");
    iframe.src = src.toString();
    iframe.setAttribute("allow", "autoplay; fullscreen; picture-in-picture");
    frame.replaceChildren(iframe);
    iframe.focus();
});

// Share bar: copy the page's address, or open the device's share sheet where the
// browser has one. Both buttons stay hidden where they cannot work.
for (const button of document.querySelectorAll("[data-copy-link]")) {
    if (!navigator.clipboard) {
        continue;
    }
    button.hidden = false;
    button.addEventListener("click", async () => {
        const status = button.closest(".share-bar").querySelector("[data-share-status]");
        await navigator.clipboard.writeText(button.dataset.copyLink);
        status.textContent = button.dataset.copiedMessage;
    });
}

for (const button of document.querySelectorAll("[data-web-share]")) {
    if (!navigator.share) {
        continue;
    }
    button.hidden = false;
    button.addEventListener("click", () => {
        navigator
            .share({ title: button.dataset.shareTitle, url: button.dataset.shareUrl })
            .catch(() => {});
    });
}

// Filter forms: leave unused filters out of the address, so that it stays short to share.
for (const form of document.querySelectorAll("form[data-drop-empty]")) {
    form.addEventListener("submit", () => {
        for (const field of form.elements) {
            if (field.name && !field.value) {
                field.disabled = true;
            }
        }
    });
}

// Photo albums: a lightbox over the page. Without JavaScript each photo is a plain link
// to its large version. Arrow keys follow the reading direction, so they are swapped in
// right-to-left languages; Escape closes and focus returns to the photo that opened it.
for (const album of document.querySelectorAll("[data-lightbox]")) {
    const dialog = album.parentElement.querySelector("[data-lightbox-dialog]");
    if (!dialog || !dialog.showModal) {
        continue;
    }
    const items = [...album.querySelectorAll("[data-lightbox-item]")];
    const image = document.createElement("img");
    dialog.querySelector("[data-lightbox-figure]").prepend(image);
    const caption = dialog.querySelector("[data-lightbox-caption]");
    const position = dialog.querySelector("[data-lightbox-position]");
    let current = 0;
    let opener = null;

    const show = (index) => {
        current = (index + items.length) % items.length;
        const item = items[current];
        image.src = item.href;
        image.alt = item.dataset.alt;
        caption.textContent = item.dataset.caption;
        position.textContent = dialog.dataset.positionTemplate
            .replace("{n}", current + 1)
            .replace("{total}", items.length);
    };

    items.forEach((item, index) => {
        item.addEventListener("click", (event) => {
            event.preventDefault();
            opener = item;
            show(index);
            dialog.showModal();
        });
    });
    dialog.querySelector("[data-lightbox-prev]").addEventListener("click", () => show(current - 1));
    dialog.querySelector("[data-lightbox-next]").addEventListener("click", () => show(current + 1));
    dialog.querySelector("[data-lightbox-close]").addEventListener("click", () => dialog.close());
    dialog.addEventListener("keydown", (event) => {
        const forward = getComputedStyle(dialog).direction === "rtl" ? "ArrowLeft" : "ArrowRight";
        const backward = forward === "ArrowRight" ? "ArrowLeft" : "ArrowRight";
        if (event.key === forward) {
            show(current + 1);
        } else if (event.key === backward) {
            show(current - 1);
        }
    });
    dialog.addEventListener("close", () => opener?.focus());
}

// The header menu is a disclosure on phones. On wide screens CSS shows it whole; browsers
// without ::details-content need it open there. Escape closes it on phones.
const siteMenu = document.querySelector("[data-site-menu]");
if (siteMenu) {
    const wide = window.matchMedia("(min-width: 56em)");
    if (!CSS.supports("selector(::details-content)")) {
        const openOnWideScreens = () => {
            siteMenu.open = wide.matches;
        };
        wide.addEventListener("change", openOnWideScreens);
        openOnWideScreens();
    }
    siteMenu.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && siteMenu.open && !wide.matches) {
            siteMenu.open = false;
            siteMenu.querySelector("summary").focus();
        }
    });
}

// Remember the language a reader picks in the switcher, so that `/` takes them back to it.
// Pages themselves set no cookie, so that shared caches can keep them.
document.addEventListener("click", (event) => {
    const choice = event.target.closest(".language-switcher a[lang]");
    if (!choice) {
        return;
    }
    const secure = location.protocol === "https:" ? "; secure" : "";
    document.cookie = `django_language=${choice.lang}; path=/; max-age=31536000; samesite=lax${secure}`;
});

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

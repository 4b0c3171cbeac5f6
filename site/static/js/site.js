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

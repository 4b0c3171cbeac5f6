// The media item form shows the section its media type needs (video, album or documents)
// and hides the others; without JavaScript every section stays visible.
(() => {
    const select = document.querySelector("select[name='media_type']");
    if (!select) {
        return;
    }
    const panels = document.querySelectorAll("[class*='media-type--']");
    const show = () => {
        for (const panel of panels) {
            const section = panel.closest("section.w-panel") || panel;
            section.hidden = !panel.classList.contains(`media-type--${select.value}`);
        }
    };
    select.addEventListener("change", show);
    show();
})();

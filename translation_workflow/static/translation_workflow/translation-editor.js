// wagtail-localize's translation editor: the inputs where a translator types take the
// target language and its direction, so Arabic is typed right to left, and upright.
(() => {
    const { language, direction } = document.currentScript.dataset;
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) {
        return;
    }
    const adopt = () => {
        for (const input of editor.querySelectorAll("textarea, input[type='text']")) {
            input.lang = language;
            input.dir = direction;
            input.style.fontStyle = "normal";
        }
    };
    new MutationObserver(adopt).observe(editor, { childList: true, subtree: true });
    adopt();
})();

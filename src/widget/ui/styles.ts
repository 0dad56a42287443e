/**
 * The widget's whole stylesheet, applied inside its shadow root. Kept terse on
 * purpose: it ships in the 10 KB script. Logical properties throughout, so
 * right-to-left locales mirror with no extra rules. Theme it with the custom
 * properties on :host, set on the host element from the page, e.g.
 * `customersure-survey-widget { --sw-brand: #0f766e }`.
 */
export const styles = `
:host{all:initial;--sw-brand:#4f46e5;--sw-brand-dark:#4338ca;--sw-on-brand:#fff;--sw-tint:#eef2ff;--sw-text:#111827;
--sw-muted:#4b5563;--sw-line:#d1d5db;--sw-bg:#fff;--sw-error:#b91c1c;--sw-radius:16px;--sw-z:2147483000;
--sw-font:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
*{box-sizing:border-box}
.root{font:16px/1.5 var(--sw-font);color:var(--sw-text)}
button,input,select,textarea{font:inherit;color:inherit;margin:0}
button{cursor:pointer}
:focus-visible{outline:3px solid var(--sw-brand);outline-offset:2px}
[hidden]{display:none!important}
svg{inline-size:20px;block-size:20px;flex:none}
.trigger{position:fixed;z-index:var(--sw-z);display:flex;align-items:center;gap:8px;border:0;background:var(--sw-brand);
color:var(--sw-on-brand);font-weight:600;box-shadow:0 8px 24px #1118273a}
.trigger:hover,.primary:hover{background:var(--sw-brand-dark)}
.button{inset-block-end:20px;inset-inline-end:20px;min-block-size:48px;padding:0 20px 0 16px;border-radius:99px}
.tab{inset-block-start:50%;inset-inline-end:0;padding:16px 10px;border-radius:10px 0 0 10px;writing-mode:vertical-rl;transform:translateY(-50%) rotate(180deg)}
.button.left{inset-inline:20px auto}
.tab.left{inset-inline:0 auto;border-radius:0 10px 10px 0}
.dialog{padding:0;border:0;background:none;color:inherit;max-inline-size:none;max-block-size:none;overflow:visible}
.dialog::backdrop{background:#11182780}
.dialog:focus{outline:0}
.frame{display:flex;flex-direction:column;inline-size:min(500px,100vw - 32px);max-block-size:min(760px,100dvh - 48px);background:var(--sw-bg);
border-radius:var(--sw-radius);box-shadow:0 24px 64px #1118274d;overflow:hidden;animation:sw-in .2s ease-out}
.head,.foot{display:flex;gap:12px;padding:16px 24px;border:0 solid var(--sw-line)}
.head{border-block-end-width:1px;padding-inline-end:12px}
.foot{flex-direction:column;border-block-start-width:1px}
.title{flex:1;margin:6px 0 0;font-size:19px;line-height:1.35}
.close{display:grid;place-items:center;inline-size:40px;block-size:40px;border:0;border-radius:10px;background:none;color:var(--sw-muted)}
.close:hover{background:var(--sw-tint)}
.form{display:flex;flex-direction:column;flex:1;min-block-size:0}
.body{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:20px 24px 0}
.intro,.help,.ends,.count{color:var(--sw-muted)}
.intro{margin:0 0 20px}
.field{margin:0 0 24px;padding:0;border:0;min-inline-size:0}
.label{display:block;margin:0 0 10px;padding:0;font-weight:600}
.req,.error,.banner{color:var(--sw-error)}
.req{margin-inline-start:4px}
.help,.ends,.count,.error,.banner{font-size:14px}
.help{margin:-6px 0 10px}
.error{margin:8px 0 0;font-weight:500}
.scale{display:grid;grid-template-columns:repeat(var(--n),1fr);gap:6px}
.input,.option{min-block-size:44px;border:1px solid var(--sw-line);border-radius:10px;background:var(--sw-bg)}
.option:hover{border-color:var(--sw-brand)}
.scale .option{position:relative;justify-content:center;padding:0;font-weight:600}
.scale input{position:absolute;opacity:0}
.option:has(:focus-visible){outline:3px solid var(--sw-brand);outline-offset:2px}
.scale .option:has(:checked){background:var(--sw-brand);color:var(--sw-on-brand)}
.ends{display:flex;justify-content:space-between;margin-block-start:6px}
.input{display:block;inline-size:100%;padding:10px 12px}
.input:focus{outline:0;border-color:var(--sw-brand);box-shadow:0 0 0 3px var(--sw-tint)}
textarea.input{min-block-size:96px;resize:vertical}
.invalid :is(.input,.option){border-color:var(--sw-error)}
.count{margin-block-start:6px;text-align:end}
.options{display:grid;gap:8px}
.option{display:flex;align-items:center;gap:12px;padding:10px 14px;cursor:pointer}
.option:has(:checked){border-color:var(--sw-brand);background:var(--sw-tint)}
.option input{inline-size:20px;block-size:20px;margin:0;accent-color:var(--sw-brand)}
.details{margin:0;padding:20px 0 0;border:0;border-block-start:1px solid var(--sw-line)}
.details legend{float:left;inline-size:100%;margin-block-end:16px;padding:0;font-weight:700}
.details .field{margin-block-end:16px}
.primary,.secondary{display:flex;align-items:center;justify-content:center;gap:10px;min-block-size:48px;padding:0 20px;border-radius:12px;font-weight:600}
.primary{border:0;background:var(--sw-brand);color:var(--sw-on-brand)}
.secondary{border:1px solid var(--sw-line);background:var(--sw-bg)}
.secondary:hover{background:var(--sw-tint)}
.banner{margin:0;font-weight:500}
.spinner{inline-size:18px;block-size:18px;border:2px solid;border-inline-end-color:transparent;border-radius:50%;animation:sw-spin .7s linear infinite}
.panel{display:flex;flex-direction:column;align-items:center;gap:12px;padding:24px 0 44px;text-align:center}
.panel h3{margin:0;font-size:20px}
.panel p{margin:0;max-inline-size:36ch;color:var(--sw-muted)}
.actions{display:flex;gap:10px}
.badge{display:grid;place-items:center;inline-size:64px;block-size:64px;border-radius:50%;background:var(--sw-tint);color:var(--sw-brand)}
.badge.bad{color:var(--sw-error);background:#fef2f2}
.badge svg{inline-size:32px;block-size:32px}
.panel .spinner{inline-size:32px;block-size:32px;color:var(--sw-brand)}
@media (max-width:600px){.dialog{margin:0;inline-size:100%;block-size:100%}.frame{inline-size:100%;block-size:100%;max-block-size:none;border-radius:0}
.head,.foot{padding-inline-start:20px}.body{padding:16px 20px 0}.scale{gap:4px}.button{inset-block-end:16px;inset-inline-end:16px}}
@keyframes sw-in{from{opacity:0;transform:translateY(16px)}}
@keyframes sw-spin{to{transform:rotate(1turn)}}
@media (prefers-reduced-motion:reduce){*{animation:none!important}}
`;

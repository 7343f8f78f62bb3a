/// The one stylesheet every report page inlines: a GOV.UK-like look (system
/// fonts, black text on white, one blue for links and bars, generous space),
/// colours chosen for at least 4.5:1 contrast for text and 3:1 for bars
/// (WCAG 2.2, <https://www.w3.org/TR/WCAG22/#contrast-minimum>), and print rules.
enum ReportStyle {
  static let css = """
    *,*::before,*::after{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
    body{margin:0;background:#fff;color:#0b0c0c;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif;font-size:16px;line-height:1.5}
    a{color:#1d70b8;text-underline-offset:.15em}
    a:visited{color:#4c2c92}
    a:hover{color:#003078}
    a:focus{outline:3px solid transparent;background:#fd0;color:#0b0c0c;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
    .skip{position:absolute;left:-9999px}
    .skip:focus{position:static;display:inline-block;padding:8px}
    .masthead{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8}
    .masthead .wrap{padding-top:12px;padding-bottom:12px;font-weight:700;font-size:1.1875rem}
    .wrap{max-width:1100px;margin:0 auto;padding:0 24px}
    main.wrap{padding-top:32px;padding-bottom:48px}
    .cohorts th[scope=row]{white-space:nowrap}
    h1{font-size:2.25rem;line-height:1.1;margin:0 0 16px}
    h1 .caption{display:block;font-size:1.1875rem;font-weight:400;color:#505a5f;margin-bottom:6px}
    h2{font-size:1.5rem;line-height:1.25;margin:48px 0 16px;padding-top:16px;border-top:1px solid #b1b4b6}
    h3{font-size:1.1875rem;margin:32px 0 8px}
    p,ul,ol,dl{margin:0 0 16px}
    .lede{color:#505a5f}
    code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em}
    .contents{background:#f3f2f1;padding:16px 24px;margin:24px 0}
    .contents h2{border:0;margin:0 0 8px;padding:0;font-size:1.1875rem}
    .contents ol{margin:0;padding-left:20px;columns:2}
    .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:16px;margin:0 0 24px;padding:0;list-style:none}
    .cards li{border-left:5px solid #1d70b8;background:#f3f2f1;padding:12px 16px}
    .cards .figure{display:block;font-size:2rem;font-weight:700;line-height:1.2}
    .cards .label{color:#0b0c0c}
    .check{border-left:5px solid #00703c;padding:12px 16px;margin:0 0 24px;background:#f3f2f1}
    .check.fail{border-color:#d4351c}
    .check strong{margin-right:.5em}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 24px}
    dl.facts dt{font-weight:700}
    dl.facts dd{margin:0}
    table{border-collapse:collapse;width:100%;margin:0 0 24px;font-size:.9375rem}
    caption{text-align:left;font-weight:700;font-size:1.0625rem;padding-bottom:8px}
    th,td{text-align:left;vertical-align:top;padding:8px 12px 8px 0;border-bottom:1px solid #b1b4b6}
    thead th{border-bottom:2px solid #0b0c0c}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    .narrow{max-width:640px}
    .person strong{display:block}
    .muted{color:#505a5f;font-size:.875rem}
    td ul{margin:0;padding-left:18px}
    table.pairs{table-layout:fixed}
    .pairs .who{width:28%}
    .pairs .score{width:4.5em}
    .waiting .role{width:6em}
    .waiting .who{width:40%}
    td{overflow-wrap:anywhere}
    .tag{display:inline-block;font-size:.8125rem;font-weight:700;background:#f3f2f1;padding:1px 6px;border:1px solid #b1b4b6;white-space:nowrap}
    figure{margin:0 0 40px}
    figcaption{font-weight:700;font-size:1.1875rem;margin-bottom:4px}
    figure .note{color:#505a5f;margin-bottom:12px}
    .chart{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:24px;align-items:start}
    .chart svg{width:100%;height:auto;display:block}
    .chart table{margin:0}
    .notice{border-left:5px solid #b1b4b6;padding:8px 16px;margin:0 0 16px}
    footer{border-top:1px solid #b1b4b6;color:#505a5f;font-size:.875rem;padding:24px 0 40px}
    @media (max-width:760px){.chart{grid-template-columns:1fr}.contents ol{columns:1}h1{font-size:1.75rem}}
    @media print{
    body{font-size:11pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
    .masthead{background:none;color:#000;border-bottom:3pt solid #000}
    .wrap{max-width:none;padding:0}
    .contents,.skip{display:none}
    a{color:#000;text-decoration:none}
    h2{break-after:avoid;page-break-after:avoid}
    figure,tr,.cards li{break-inside:avoid;page-break-inside:avoid}
    thead{display:table-header-group}
    .chart{grid-template-columns:3fr 2fr}
    }
    @page{margin:15mm}
    """
}

/**
 * nginx in front of app processes on 127.0.0.1, round robin, no sticky sessions (npm run cluster,
 * npm run bench:peak): its configuration written to a temporary folder, nothing under root paths,
 * run in the foreground by the caller (`nginx -p dir -c dir/nginx.conf -g "daemon off;"`).
 */
export function nginxConf(dir: string, opts: { ports: number[]; listen: number; accessLog?: boolean; upstreamHeader?: boolean; workerConnections?: number }): string {
  return `
worker_processes 1;
${process.getuid?.() === 0 ? "user root;" : ""}
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections ${opts.workerConnections ?? 1024}; }
http {
  ${opts.accessLog ? `access_log ${dir}/access.log;` : "access_log off;"}
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 20m;
  upstream app {
${opts.ports.map((p) => `    server 127.0.0.1:${p};`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${opts.listen};
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto http;
      proxy_read_timeout 120s;${opts.upstreamHeader ? "\n      add_header X-Upstream $upstream_addr always;" : ""}
    }
  }
}
`;
}

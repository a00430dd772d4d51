# The board app: a FastAPI app served by two uvicorn processes, live updates over /ws/.
# Each process keeps a reconnecting client's missed updates in memory (resume by session id), yet the
# upstream balances round-robin, so a reconnect usually lands on the other process and the resume fails.
#
# expect: upstream-affinity 31 -- two active servers, round-robin, resume state lives in one process
# expect: origin-check 30
# expect: limit-conn-missing 30

server {
    listen 80;
    listen [::]:80;
    server_name board.example.com;
    return 301 https://$server_name$request_uri;
}

server {
    listen 443 ssl;
    listen [::]:443 ssl;
    server_name board.example.com;

    ssl_certificate /etc/letsencrypt/live/board.example.com/fullchain.pem;
    ssl_certificate_key /etc/letsencrypt/live/board.example.com/privkey.pem;

    location / {
        proxy_pass http://board_app;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-Proto $scheme;
    }

    location /ws/ {
        proxy_pass http://board_app;
        proxy_http_version 1.1;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        proxy_read_timeout 3600s;
    }
}

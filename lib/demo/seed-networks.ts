// Demo professional networks: the regional network of Auvergne-Rhône-Alpes's HR and training
// staff (open, moderated by the UGA training officer and the national administrator) with a few
// threads between agents of different institutions, a thematic network on request, and an
// institution network of UGA. The demo agent of Université de Lyon (agent@ulyon.relais.test, a
// demo account) is created here; the demo agents of UGA and Lyon are left out of the regional
// network so that joining it can be shown.
import type { TTransaction } from "../db/create-client";
import { handleFromName } from "../networks/handle";

const DAY = 86_400_000;

type TThreadSeed = { title: string; posts: { by: string; text: string[] }[]; solution?: number; isPinned?: boolean };

const REGIONAL_THREADS: TThreadSeed[] = [
  {
    title: "Bienvenue dans le réseau : présentez-vous",
    isPinned: true,
    posts: [
      {
        by: "officer",
        text: [
          "Bienvenue à toutes et à tous !",
          "Présentez-vous en quelques mots : établissement, métier, ce que vous attendez du réseau.",
        ],
      },
      { by: "member0", text: ["Gestionnaire RH à Lyon, je cherche à échanger sur les entretiens professionnels."] },
      { by: "member1", text: ["Chargée de formation à Grenoble, ravie de rejoindre le réseau."] },
    ],
  },
  {
    title: "Mutualiser les formations habilitation électrique",
    solution: 3,
    posts: [
      {
        by: "member2",
        text: [
          "Nous avons chaque année quelques agents à former à l'habilitation électrique.",
          "Quelqu'un organise-t-il une session commune dans la région ?",
        ],
      },
      { by: "member0", text: ["Nous aussi, une dizaine par an. Un groupement de commandes serait intéressant."] },
      {
        by: "member3",
        text: [
          "Le site relais de Grenoble accueille une session en mars : il reste des places, inscrivez vos agents depuis le catalogue.",
        ],
      },
    ],
  },
  {
    title: "Évaluation à froid des formations : vos pratiques ?",
    posts: [
      { by: "member1", text: ["Comment organisez-vous l'évaluation à froid, trois ou six mois après la formation ?"] },
      {
        by: "officer",
        text: [
          "Relais envoie le questionnaire de suivi automatiquement ; nous le complétons par un échange avec le manager.",
        ],
      },
    ],
  },
];

function doc(paragraphs: string[]) {
  return { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
}

export async function seedNetworks(
  tx: TTransaction,
  context: {
    regionId: (code: string) => string;
    institutionByCode: Map<string, { id: string }>;
    officerId: string;
    adminId: string;
    reference: Date;
  },
) {
  const lyon = context.institutionByCode.get("ULYON")!;
  const uga = context.institutionByCode.get("UGA")!;
  const lyonAgent = await tx.user.create({
    data: {
      email: "agent@ulyon.relais.test",
      // The same person as the needs' demo (seed-needs.ts completes her record): one name, one handle.
      name: "Camille Fabre",
      institutionId: lyon.id,
      staffCategory: "C",
      population: "ADMIN_TECHNICAL",
      sex: "FEMALE",
      workplaceLabel: "Lyon",
    },
  });
  await tx.roleMembership.create({ data: { userId: lyonAgent.id, role: "AGENT", institutionId: lyon.id } });
  // Four generated agents of the region's institutions (deterministic: the first by e-mail).
  const members = await tx.user.findMany({
    where: {
      institutionId: { in: [lyon.id, uga.id] },
      email: { endsWith: ".relais.test", not: { contains: "@relais.test" } },
      id: { not: lyonAgent.id },
    },
    orderBy: { email: "asc" },
    take: 4,
    select: { id: true, name: true },
  });
  const people = [
    ...(await tx.user.findMany({
      where: { id: { in: [context.officerId, context.adminId, lyonAgent.id] } },
      select: { id: true, name: true },
    })),
    ...members,
  ];
  const used = new Set<string>();
  for (const person of people) {
    let handle = handleFromName(person.name);
    for (let n = 2; used.has(handle); n++) handle = `${handleFromName(person.name)}${n}`;
    used.add(handle);
    await tx.networkProfile.create({ data: { userId: person.id, handle } });
  }
  const who = (key: string) => (key === "officer" ? context.officerId : members[Number(key.replace("member", ""))]!.id);
  const start = new Date(context.reference.getTime() - 60 * DAY);
  const regional = await tx.network.create({
    data: {
      slug: "rh-formation-auvergne-rhone-alpes",
      name: "RH et formation Auvergne-Rhône-Alpes",
      description:
        "Réseau régional interfonctions publiques des gestionnaires RH et des responsables formation : mutualiser les sessions, partager les pratiques, faciliter la mobilité dans le bassin d'emploi.",
      scope: "REGIONAL",
      access: "OPEN",
      regionId: context.regionId("ARA"),
      createdById: context.adminId,
      memberCount: 2 + members.length,
      threadCount: REGIONAL_THREADS.length,
      lastActivityAt: start,
      members: {
        create: [
          { userId: context.adminId, role: "MODERATOR", joinedAt: start },
          { userId: context.officerId, role: "MODERATOR", joinedAt: start },
          ...members.map((member) => ({ userId: member.id, joinedAt: start })),
        ],
      },
    },
  });
  let at = start.getTime();
  for (const seed of REGIONAL_THREADS) {
    at += DAY;
    const thread = await tx.networkThread.create({
      data: {
        networkId: regional.id,
        authorId: who(seed.posts[0]!.by),
        title: seed.title,
        isPinned: seed.isPinned ?? false,
        postCount: seed.posts.length,
        createdAt: new Date(at),
        lastPostAt: new Date(at + seed.posts.length * 3600_000),
      },
    });
    const posts = [];
    for (const [index, post] of seed.posts.entries())
      posts.push(
        await tx.networkPost.create({
          data: {
            threadId: thread.id,
            networkId: regional.id,
            authorId: who(post.by),
            position: index + 1,
            body: doc(post.text),
            bodyText: post.text.join("\n"),
            createdAt: new Date(at + (index + 1) * 3600_000),
          },
        }),
      );
    if (seed.solution)
      await tx.networkThread.update({
        where: { id: thread.id },
        data: { solutionPostId: posts[seed.solution - 1]!.id },
      });
  }
  await tx.networkEvent.create({
    data: {
      networkId: regional.id,
      title: "Rencontre trimestrielle du réseau",
      description: "Tour de table des besoins de formation mutualisables pour le semestre.",
      startsAt: new Date(context.reference.getTime() + 120 * DAY + 12 * 3600_000),
      endsAt: new Date(context.reference.getTime() + 120 * DAY + 13.5 * 3600_000),
      meetingUrl: "https://visio.relais.test/rencontre-ara",
      createdById: context.officerId,
    },
  });
  await tx.networkResource.create({
    data: {
      networkId: regional.id,
      kind: "LINK",
      title: "Place de l'emploi public — Auvergne-Rhône-Alpes",
      url: "https://choisirleservicepublic.gouv.fr/",
      addedById: context.officerId,
    },
  });
  await tx.network.create({
    data: {
      slug: "responsables-formation",
      name: "Réseau des responsables formation",
      description: "Le réseau national des responsables formation des établissements (adhésion validée).",
      scope: "NATIONAL",
      access: "ON_REQUEST",
      createdById: context.adminId,
      memberCount: 2,
      members: {
        create: [
          { userId: context.adminId, role: "MODERATOR", joinedAt: start },
          { userId: context.officerId, joinedAt: start },
        ],
      },
    },
  });
  await tx.network.create({
    data: {
      slug: "uga-encadrants",
      name: "Encadrants de l'UGA",
      description: "Échanges entre managers de l'Université Grenoble Alpes.",
      scope: "INSTITUTION",
      access: "OPEN",
      institutionId: uga.id,
      createdById: context.officerId,
      memberCount: 1,
      members: { create: [{ userId: context.officerId, role: "MODERATOR", joinedAt: start }] },
    },
  });
}
